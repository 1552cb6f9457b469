package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The verdict on one agreement's chain, in the contract's shape, with two fields added: how many signed
 * checkpoints are stored for it, and the last of them that verifies and still matches the stored chain (the
 * anchor; null when none does). A client that keeps {@code lastValidCheckpoint} can later tell a chain cut back
 * behind it from one that never went further.
 */
@JsonPropertyOrder({"valid", "eventCount", "headHash", "firstInvalidSequence", "reason", "checkpointCount",
        "lastValidCheckpoint"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verification(boolean valid, long eventCount, String headHash, Long firstInvalidSequence, String reason,
                           @Schema(description = "how many signed checkpoints are stored for the agreement")
                           long checkpointCount,
                           @Schema(description = "the last checkpoint that is signed by the published key and still "
                                   + "matches the stored chain; null when none does")
                           SignedCheckpoint lastValidCheckpoint) {

    static Verification valid(long eventCount, String headHash) {
        return new Verification(true, eventCount, headHash, null, null, 0, null);
    }

    static Verification invalid(long eventCount, String headHash, long firstInvalidSequence, String reason) {
        return new Verification(false, eventCount, headHash, firstInvalidSequence, reason, 0, null);
    }

    static Verification valid(long eventCount, String headHash, long checkpointCount, SignedCheckpoint anchor) {
        return new Verification(true, eventCount, headHash, null, null, checkpointCount, anchor);
    }

    static Verification invalid(long eventCount, String headHash, long firstInvalidSequence, String reason,
                                long checkpointCount, SignedCheckpoint anchor) {
        return new Verification(false, eventCount, headHash, firstInvalidSequence, reason, checkpointCount, anchor);
    }
}
