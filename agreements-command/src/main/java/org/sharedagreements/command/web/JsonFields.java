package org.sharedagreements.command.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the fields of a JSON request body and collects every problem instead of stopping at the first, so a
 * client learns about all invalid fields in one 400. Read every field, then call {@link #throwIfInvalid()}.
 * Text must be well-formed Unicode without control characters (tab and line breaks allowed); lengths are
 * counted in code points.
 */
public final class JsonFields {

    private final JsonNode body;
    private final List<Map<String, String>> errors = new ArrayList<>();

    public JsonFields(JsonNode body) {
        this.body = body;
        if (body == null || !body.isObject()) {
            reject("body", "must be a JSON object");
        }
    }

    public JsonNode node(String name) {
        return body == null || !body.isObject() ? null : body.get(name);
    }

    public void reject(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        errors.add(error);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    public String requiredText(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null || node.isNull()) {
            reject(name, "is required");
            return null;
        }
        return text(name, node, min, max);
    }

    /** An optional text: absent or null reads as the empty string. */
    public String optionalText(String name, int max) {
        JsonNode node = node(name);
        if (node == null || node.isNull()) {
            return "";
        }
        String value = text(name, node, 0, max);
        return value == null ? "" : value;
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        String value = requiredText(name, 1, 64);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            reject(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    public Integer requiredInt(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null || node.isNull()) {
            reject(name, "is required");
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            reject(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    public UUID requiredUuid(String name) {
        String value = requiredText(name, 1, 64);
        return value == null ? null : uuid(name, value);
    }

    public Instant requiredInstant(String name) {
        String value = requiredText(name, 1, 64);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 UTC instant such as 2026-11-26T17:00:00Z");
            return null;
        }
    }

    public UUID uuid(String name, String value) {
        try {
            UUID uuid = UUID.fromString(value);
            if (!uuid.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            reject(name, "must be a UUID");
            return null;
        }
    }

    private String text(String name, JsonNode node, int min, int max) {
        if (!node.isTextual()) {
            reject(name, "must be a string");
            return null;
        }
        String value = node.textValue();
        String problem = textProblem(value, min, max);
        if (problem != null) {
            reject(name, problem);
            return null;
        }
        return value;
    }

    /** Why a text is not acceptable, or {@code null} when it is. */
    public static String textProblem(String value, int min, int max) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must be well-formed Unicode";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must be well-formed Unicode";
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters";
            }
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            return min > 0 ? "must have " + min + " to " + max + " characters"
                    : "must have at most " + max + " characters";
        }
        if (min > 0 && value.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
