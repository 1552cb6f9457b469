package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one boundary within an agreement; stable across all of its versions. */
public record BoundaryId(UUID value) {

    public BoundaryId {
        Objects.requireNonNull(value, "a boundary id needs a value");
    }

    public static BoundaryId random() {
        return new BoundaryId(UUID.randomUUID());
    }

    /** Reads only a canonical UUID ({@link CanonicalUuid}). */
    @JsonCreator
    public static BoundaryId of(String value) {
        return new BoundaryId(CanonicalUuid.parse(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
