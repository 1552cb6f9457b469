package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The verdict on one agreement's chain, in the contract's shape. */
@JsonPropertyOrder({"valid", "eventCount", "headHash", "firstInvalidSequence", "reason"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verification(boolean valid, long eventCount, String headHash, Long firstInvalidSequence, String reason) {

    static Verification valid(long eventCount, String headHash) {
        return new Verification(true, eventCount, headHash, null, null);
    }

    static Verification invalid(long eventCount, String headHash, long firstInvalidSequence, String reason) {
        return new Verification(false, eventCount, headHash, firstInvalidSequence, reason);
    }
}
