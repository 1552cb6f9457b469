package org.sharedagreements.query.caseload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One agreement of a counsellor's caseload and what in it needs attention; {@code needsAttention} when any list is non-empty. */
@JsonPropertyOrder({"agreementId", "title", "status", "version", "lastEventAt", "needsAttention", "openBreaches",
        "openRedFlags", "reviewsDue", "stalePendingProposals"})
public record CaseloadEntry(String agreementId, String title, String status, long version, String lastEventAt,
                            boolean needsAttention, List<OpenBreach> openBreaches, List<OpenRedFlag> openRedFlags,
                            List<ReviewDue> reviewsDue, List<PendingProposal> stalePendingProposals) {

    /** A breach not yet resolved (OPEN or ACKNOWLEDGED). */
    public record OpenBreach(String breachId, String boundaryId, String status, String breachedBy, String occurredAt) {
    }

    public record OpenRedFlag(String flagId, String indicator, String raisedBy, String raisedAt) {
    }

    public record ReviewDue(String boundaryId, int boundaryVersion, String nextReviewAt) {
    }

    /** A proposal or revision waiting for acceptance for longer than the caseload's threshold. */
    public record PendingProposal(String boundaryId, int boundaryVersion, String proposedBy, String proposedAt,
                                  List<String> acceptedBy) {
    }
}
