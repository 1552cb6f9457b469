package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One stored checkpoint as verification judged it: whether the published key signed it ({@code signatureValid})
 * and whether the stored chain still holds its head hash at its sequence ({@code matchesChain}).
 */
@JsonPropertyOrder({"checkpoint", "signatureValid", "matchesChain"})
public record CheckedCheckpoint(SignedCheckpoint checkpoint, boolean signatureValid, boolean matchesChain) {
}
