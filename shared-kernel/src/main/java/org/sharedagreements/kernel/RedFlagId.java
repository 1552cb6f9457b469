package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one raised red flag. */
public record RedFlagId(UUID value) {

    public RedFlagId {
        Objects.requireNonNull(value, "a red flag id needs a value");
    }

    public static RedFlagId random() {
        return new RedFlagId(UUID.randomUUID());
    }

    /** Reads only a canonical UUID ({@link CanonicalUuid}). */
    @JsonCreator
    public static RedFlagId of(String value) {
        return new RedFlagId(CanonicalUuid.parse(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
