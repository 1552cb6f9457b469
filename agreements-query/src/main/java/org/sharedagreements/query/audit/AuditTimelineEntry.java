package org.sharedagreements.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event of the redacted timeline: the fields of a timeline event without {@code summary} and {@code data};
 * {@code actor} is a pseudonym ({@code partner-1}, ...) or null for what the service records.
 */
@JsonPropertyOrder({"sequence", "type", "at", "actor", "hash"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditTimelineEntry(long sequence, String type, String at, String actor, String hash) {
}
