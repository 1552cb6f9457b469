package org.sharedagreements.query.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One projection as operators see it: {@code position} the lowest global index its segments' tokens reached,
 * {@code head} the highest global index in the event store, {@code progressPercent} the one as a share of the
 * other (100.0 only when caught up), {@code replaying} while a rebuild runs, {@code deadLetters} the number of
 * agreements whose events it parked.
 */
@JsonPropertyOrder({"name", "position", "head", "progressPercent", "replaying", "deadLetters"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProjectionStatus(String name, long position, long head, double progressPercent, boolean replaying,
                               long deadLetters) {

    static ProjectionStatus of(String name, long position, long head, boolean replaying, long deadLetters) {
        double percent;
        if (head <= 0 || position >= head) {
            percent = replaying ? 99.9 : 100.0;
        } else {
            percent = Math.floor(Math.max(0, position) * 1000.0 / head) / 10.0;
        }
        return new ProjectionStatus(name, Math.max(0, position), Math.max(0, head), percent, replaying, deadLetters);
    }
}
