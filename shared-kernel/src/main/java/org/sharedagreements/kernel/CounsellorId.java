package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies a counsellor: the JWT subject (sub) the counsellor signs in with; an opaque string of 1 to 128 characters (code points). */
public record CounsellorId(String value) {

    public static final int MAX_LENGTH = 128;

    public CounsellorId {
        Objects.requireNonNull(value, "a counsellor id needs a value");
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("a counsellor id has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @JsonCreator
    public static CounsellorId of(String value) {
        return new CounsellorId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
