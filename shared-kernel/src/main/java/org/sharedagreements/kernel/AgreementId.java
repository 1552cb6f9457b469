package org.sharedagreements.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one agreement; also the aggregate identifier and the key of its event stream. */
public record AgreementId(UUID value) {

    public AgreementId {
        Objects.requireNonNull(value, "an agreement id needs a value");
    }

    public static AgreementId random() {
        return new AgreementId(UUID.randomUUID());
    }

    /** Reads only a canonical UUID ({@link CanonicalUuid}). */
    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(CanonicalUuid.parse(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
