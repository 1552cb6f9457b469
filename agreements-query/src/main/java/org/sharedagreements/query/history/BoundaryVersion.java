package org.sharedagreements.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One version of a boundary. {@code kind} is PROPOSAL (version 1) or REVISION; {@code outcome} is PENDING,
 * ACTIVATED (the version in force, or the last one before retirement), SUPERSEDED (was in force until a later
 * version was activated), DECLINED or WITHDRAWN (by its proposer, or because the boundary was retired while it
 * was pending). {@code decidedBy}/{@code decidedAt} say who ended the pending state and when.
 */
@JsonPropertyOrder({"boundaryVersion", "kind", "terms", "outcome", "proposedBy", "proposedAt", "acceptedBy",
        "decidedBy", "decidedAt", "reason", "supersededAt"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BoundaryVersion(int boundaryVersion, String kind, Terms terms, String outcome, String proposedBy,
                              String proposedAt, List<String> acceptedBy, String decidedBy, String decidedAt,
                              String reason, String supersededAt) {

    @JsonPropertyOrder({"category", "statement", "measure", "consequence", "reviewEvery"})
    public record Terms(String category, String statement, String measure, String consequence, String reviewEvery) {
    }

    public boolean wasInForce() {
        return "ACTIVATED".equals(outcome) || "SUPERSEDED".equals(outcome);
    }
}
