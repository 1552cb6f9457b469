package org.sharedagreements.query.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event a projection could not apply and parked in its dead-letter queue, as operators see it: which
 * projection, which agreement, the event's type and sequence number in that agreement, the class of the failure
 * and when it was parked and last tried. Never the event's content or the failure's message (either may quote
 * what a person wrote).
 */
@JsonPropertyOrder({"id", "projection", "agreementId", "eventType", "sequence", "cause", "enqueuedAt", "lastTouched"})
public record ParkedEvent(String id, String projection, String agreementId, String eventType, Long sequence,
                          String cause, String enqueuedAt, String lastTouched) {
}
