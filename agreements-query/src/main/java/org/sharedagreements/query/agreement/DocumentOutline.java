package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.query.projection.ProjectionJson;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Splits an agreement-state document into its outline, which is stored plain (every text, category, indicator and
 * user id in it reads {@value Confidential#ERASED}; ids, statuses, versions and times stay), and the values the
 * outline left out, keyed by where they were (a JSON pointer), which are sealed. The outline is exactly what an
 * erased agreement's document needs, so erasure needs no key: it drops the sealed values, and the projection folds
 * {@code AgreementErased} onto the outline.
 */
final class DocumentOutline {

    /** The document's fields that hold what a person wrote or who someone is, wherever they occur in it. */
    private static final Set<String> HIDDEN = Set.of("title", "category", "statement", "measure", "consequence",
            "description", "note", "indicator", "partnerId", "counsellorId", "breachedBy", "reportedBy", "raisedBy",
            "addressedBy", "requestedBy", "proposedBy", "acceptedBy", "approvedBy", "resolutionConfirmedBy");

    /**
     * A document split: the whole of it as JSON text and its outline. What the outline left out, keyed by where it
     * was, is worked out only when asked for ({@link #hidden}): only a document without a data key needs it.
     */
    record Split(String whole, String outline) {

        ObjectNode hidden() {
            ObjectNode hidden = ProjectionJson.mapper().createObjectNode();
            walk(tree(whole), "", hidden);
            return hidden;
        }
    }

    private DocumentOutline() {
    }

    /**
     * The document whole, and its outline streamed from that text with every hidden value replaced: a document is
     * written once per agreement per batch, and building it as a tree first cost a rebuild more than folding it.
     */
    static Split split(AgreementState state) {
        try {
            String whole = ProjectionJson.mapper().writeValueAsString(state);
            return new Split(whole, outline(whole));
        } catch (IOException e) {
            throw new IllegalStateException("an agreement-state document could not be written", e);
        }
    }

    /**
     * The outline of a document's text: the same document with each {@link #HIDDEN} field's text, and each text in a
     * {@link #HIDDEN} field's array, replaced by {@value Confidential#ERASED}; the same as {@link #walk} leaves.
     */
    static String outline(String whole) throws IOException {
        JsonFactory factory = ProjectionJson.mapper().getFactory();
        StringWriter out = new StringWriter(whole.length());
        try (JsonParser in = factory.createParser(whole); JsonGenerator to = factory.createGenerator(out)) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (token != JsonToken.FIELD_NAME || !HIDDEN.contains(in.currentName())) {
                    to.copyCurrentEvent(in);
                    continue;
                }
                to.writeFieldName(in.currentName());
                JsonToken value = in.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    to.writeString(Confidential.ERASED);
                } else if (value == JsonToken.START_ARRAY) {
                    to.writeStartArray();
                    for (JsonToken item = in.nextToken(); item != JsonToken.END_ARRAY; item = in.nextToken()) {
                        if (item == JsonToken.VALUE_STRING) {
                            to.writeString(Confidential.ERASED);
                        } else {
                            to.copyCurrentStructure(in);
                        }
                    }
                    to.writeEndArray();
                } else {
                    to.copyCurrentStructure(in);
                }
            }
        }
        return out.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return ProjectionJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable agreement-state document", e);
        }
    }

    /** Puts the values {@link #split} left out back into the outline (which it changes). */
    static JsonNode join(JsonNode outline, JsonNode hidden) {
        for (Map.Entry<String, JsonNode> value : hidden.properties()) {
            String pointer = value.getKey();
            int last = pointer.lastIndexOf('/');
            JsonNode parent = outline.at(pointer.substring(0, last));
            String name = pointer.substring(last + 1);
            if (parent instanceof ObjectNode object) {
                object.set(name, value.getValue());
            } else if (parent instanceof ArrayNode array && Integer.parseInt(name) < array.size()) {
                array.set(Integer.parseInt(name), value.getValue());
            }
        }
        return outline;
    }

    private static void walk(JsonNode node, String at, ObjectNode hidden) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String pointer = at + "/" + field.getKey();
                JsonNode value = field.getValue();
                if (!HIDDEN.contains(field.getKey())) {
                    walk(value, pointer, hidden);
                } else if (value.isTextual()) {
                    hidden.set(pointer, value);
                    field.setValue(TextNode.valueOf(Confidential.ERASED));
                } else if (value instanceof ArrayNode people) {
                    for (int i = 0; i < people.size(); i++) {
                        if (people.get(i).isTextual()) {
                            hidden.set(pointer + "/" + i, people.get(i));
                            people.set(i, TextNode.valueOf(Confidential.ERASED));
                        }
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), at + "/" + i, hidden);
            }
        }
    }
}
