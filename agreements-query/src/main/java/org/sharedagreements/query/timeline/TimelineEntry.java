package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event on an agreement's timeline as the contract shows it: {@code type} is the event's simple class name,
 * {@code at} ISO-8601 UTC with milliseconds, {@code actor} the partner's user id (null for what the service
 * records), {@code data} the event's fields without the agreement id and actor, {@code hash} its link in the
 * hash chain as the event store keeps it.
 */
@JsonPropertyOrder({"sequence", "type", "at", "actor", "summary", "data", "hash"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelineEntry(long sequence, String type, String at, String actor, String summary, JsonNode data,
                            String hash) {
}
