package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The head of one agreement's chain as stored: how many events it has, the hash of the last and when that was
 * stored (ISO-8601 UTC with milliseconds). Names no content.
 */
@JsonPropertyOrder({"agreementId", "eventCount", "headHash", "lastEventAt"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainHead(String agreementId, long eventCount, String headHash, String lastEventAt) {
}
