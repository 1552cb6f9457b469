package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one reported breach of a boundary. */
public record BreachId(UUID value) {

    public BreachId {
        Objects.requireNonNull(value, "a breach id needs a value");
    }

    public static BreachId random() {
        return new BreachId(UUID.randomUUID());
    }

    /** Reads only a canonical UUID ({@link CanonicalUuid}). */
    @JsonCreator
    public static BreachId of(String value) {
        return new BreachId(CanonicalUuid.parse(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
