package org.sharedagreements.kernel;

import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * How messages describe themselves in logs: every {@link Confidential} component (free text, categories) is
 * written as {@value #REDACTED}, so no log line at any level carries what partners wrote.
 */
public final class Content {

    public static final String REDACTED = "[redacted]";

    private Content() {
    }

    /** The record's {@code toString()}, with its confidential components redacted. */
    public static String describe(Record message) {
        StringJoiner joiner = new StringJoiner(", ", message.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            Object value;
            if (component.isAnnotationPresent(Confidential.class)) {
                value = REDACTED;
            } else {
                try {
                    value = component.getAccessor().invoke(message);
                } catch (ReflectiveOperationException e) {
                    value = "?";
                }
            }
            joiner.add(component.getName() + "=" + value);
        }
        return joiner.toString();
    }
}
