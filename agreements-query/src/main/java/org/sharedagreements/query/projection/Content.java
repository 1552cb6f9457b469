package org.sharedagreements.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the content of an event (the record components marked {@link Confidential}, also inside nested records
 * such as boundary terms) as JSON paths, so read models can purge exactly that when the agreement is erased.
 */
public final class Content {

    private Content() {
    }

    /** The JSON paths (field names from the event's root) of every confidential component of the event. */
    public static List<List<String>> paths(Object event) {
        List<List<String>> paths = new ArrayList<>();
        collect(event == null ? null : event.getClass(), new ArrayList<>(), paths, 0);
        return paths;
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

    /** What erased text reads as; {@code null} (an erased category) reads the same way in read models. */
    public static String text(String value) {
        return value == null ? Confidential.ERASED : value;
    }

    /** The same for a partner's free text. */
    public static String text(PrivateText value) {
        return text(PrivateText.valueOf(value));
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
