package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies a person acting as a partner: the JWT subject (sub) of the caller; an opaque string of 1 to 128 characters (code points). */
public record PartnerId(String value) {

    public static final int MAX_LENGTH = 128;

    public PartnerId {
        Objects.requireNonNull(value, "a partner id needs a value");
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("a partner id has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static PartnerId of(String value) {
        return new PartnerId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
