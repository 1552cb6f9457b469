package org.sharedagreements.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.ErasedPerson;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.PrivateText;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the content of an event (the record components marked {@link Confidential}, also inside nested records
 * such as boundary terms) and the user ids it names as JSON paths, so read models can seal exactly that and
 * store the rest, the event's structure, as it is.
 */
public final class Content {

    private static final java.util.Set<Class<?>> PERSONAL = java.util.Set.of(PartnerId.class, CounsellorId.class,
            RedFlagIndicator.class, BoundaryCategory.class);

    /** Per class, once: reflecting on record components and their annotations costs more than the rest of a row. */
    private static final ClassValue<List<List<String>>> CONTENT = new ClassValue<>() {
        @Override
        protected List<List<String>> computeValue(Class<?> type) {
            List<List<String>> paths = new ArrayList<>();
            collect(type, new ArrayList<>(), paths, 0);
            return List.copyOf(paths);
        }
    };
    private static final ClassValue<List<List<String>>> PEOPLE = new ClassValue<>() {
        @Override
        protected List<List<String>> computeValue(Class<?> type) {
            List<List<String>> paths = new ArrayList<>();
            collectPeople(type, new ArrayList<>(), paths, 0);
            return List.copyOf(paths);
        }
    };

    private Content() {
    }

    /** The JSON paths (field names from the event's root) of every confidential component of the event. */
    public static List<List<String>> paths(Object event) {
        return event == null ? List.of() : CONTENT.get(event.getClass());
    }

    /** {@link #paths} of every event of the class. */
    public static List<List<String>> pathsOf(Class<?> type) {
        return CONTENT.get(type);
    }

    /**
     * The JSON paths of every user id the event names besides its actor (partners, counsellors), and of its red-flag
     * indicator and boundary category, which the read models seal whether or not the event marks them confidential.
     */
    public static List<List<String>> personalPaths(Object event) {
        return event == null ? List.of() : PEOPLE.get(event.getClass());
    }

    /** {@link #personalPaths} of every event of the class. */
    public static List<List<String>> personalPathsOf(Class<?> type) {
        return PEOPLE.get(type);
    }

    /**
     * Takes the value at every path present in {@code data} out into the answer (keyed by the dotted path) and
     * leaves {@value Confidential#ERASED} in its place: {@code data} becomes the outline, the answer what to seal.
     */
    public static ObjectNode split(JsonNode data, List<List<String>> paths) {
        ObjectNode taken = ProjectionJson.mapper().createObjectNode();
        for (List<String> path : paths) {
            JsonNode node = data;
            for (int i = 0; i < path.size() - 1 && node != null; i++) {
                node = node.get(path.get(i));
            }
            String last = path.get(path.size() - 1);
            if (node instanceof ObjectNode object && object.has(last)) {
                taken.set(String.join(".", path), object.get(last));
                object.set(last, TextNode.valueOf(Confidential.ERASED));
            }
        }
        return taken;
    }

    /** Puts the values {@link #split} took back into the outline. */
    public static void restore(JsonNode outline, JsonNode taken) {
        for (Map.Entry<String, JsonNode> field : taken.properties()) {
            String[] path = field.getKey().split("\\.");
            JsonNode node = outline;
            for (int i = 0; i < path.length - 1 && node != null; i++) {
                node = node.get(path[i]);
            }
            if (node instanceof ObjectNode object) {
                object.set(path[path.length - 1], field.getValue());
            }
        }
    }

    /** Replaces the value at every path that is present in {@code data} with {@value Confidential#ERASED}. */
    public static void erase(JsonNode data, List<List<String>> paths) {
        for (List<String> path : paths) {
            JsonNode node = data;
            for (int i = 0; i < path.size() - 1 && node != null; i++) {
                node = node.get(path.get(i));
            }
            String last = path.get(path.size() - 1);
            if (node instanceof ObjectNode object && object.has(last)) {
                object.set(last, TextNode.valueOf(Confidential.ERASED));
            }
        }
    }

    /**
     * Replaces every stand-in of an erased agreement's people ({@link ErasedPerson}, which events read as once the
     * data key is gone, so that folding keeps distinct people apart) with {@value Confidential#ERASED}, anywhere in
     * {@code node}; answers whether there was any. For what is shown from events read directly (the as-of state,
     * the export's readable data).
     */
    public static boolean hideErasedPeople(JsonNode node) {
        boolean replaced = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (isStandIn(field.getValue())) {
                    field.setValue(TextNode.valueOf(Confidential.ERASED));
                    replaced = true;
                } else {
                    replaced |= hideErasedPeople(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (isStandIn(array.get(i))) {
                    array.set(i, TextNode.valueOf(Confidential.ERASED));
                    replaced = true;
                } else {
                    replaced |= hideErasedPeople(array.get(i));
                }
            }
        }
        return replaced;
    }

    private static boolean isStandIn(JsonNode value) {
        return value.isTextual() && ErasedPerson.is(value.asText()) && !Confidential.ERASED.equals(value.asText());
    }

    /** What erased text reads as; {@code null} (an erased category) reads the same way in read models. */
    public static String text(String value) {
        return value == null ? Confidential.ERASED : value;
    }

    /** The same for a partner's free text. */
    public static String text(PrivateText value) {
        return text(PrivateText.valueOf(value));
    }

    private static void collectPeople(Class<?> type, List<String> prefix, List<List<String>> paths, int depth) {
        if (type == null || !type.isRecord() || depth > 4) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            if (PERSONAL.contains(component.getType())) {
                if (depth > 0 || !"actor".equals(component.getName())) {
                    paths.add(List.copyOf(path));
                }
            } else {
                collectPeople(component.getType(), path, paths, depth + 1);
            }
        }
    }

    private static void collect(Class<?> type, List<String> prefix, List<List<String>> paths, int depth) {
        if (type == null || !type.isRecord() || depth > 4) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            if (component.isAnnotationPresent(Confidential.class)) {
                paths.add(List.copyOf(path));
            } else {
                collect(component.getType(), path, paths, depth + 1);
            }
        }
    }
}
