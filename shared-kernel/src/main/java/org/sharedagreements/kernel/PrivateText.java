package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * Free text a partner wrote (a title, a reason, a note, a description), as a component of a command or an event.
 * Its {@code toString()} answers {@value Content#REDACTED}, so a message's generated {@code toString()} never
 * carries the text into a log line. In JSON it is the bare string, so stored events and serialized commands read
 * exactly as they did when these components were {@code String}s. The component stays {@link Confidential}: that
 * is what the content cipher encrypts (and what reads as {@value Confidential#ERASED} once the key is destroyed).
 */
public record PrivateText(String value) {

    public PrivateText {
        Objects.requireNonNull(value, "a private text needs a value (use PrivateText.of for an absent one)");
    }

    /** The text of {@code value}, or {@code null} when there is none (an absent text stays absent). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PrivateText of(String value) {
        return value == null ? null : new PrivateText(value);
    }

    /** The string of {@code text}, or {@code null} when there is none. */
    public static String valueOf(PrivateText text) {
        return text == null ? null : text.value;
    }

    /** The string itself, for JSON and for the code that shows it to the partners; never for logs. */
    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return Content.REDACTED;
    }
}
