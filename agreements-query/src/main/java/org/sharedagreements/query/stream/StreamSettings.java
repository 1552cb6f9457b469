package org.sharedagreements.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Live timeline streams ({@code agreements.stream.*}), checked when the service starts.
 *
 * @param timeout how long a stream stays open at most (the browser reconnects and resumes after it)
 * @param heartbeat how often every stream is caught up, its access checked again and a comment written (which
 *                  finds clients that went away)
 * @param senderThreads threads that write to streams, never the projection's
 * @param maxPerCaller streams one caller may have open at once on a node; more are 429 with {@code Retry-After}
 */
@ConfigurationProperties("agreements.stream")
public record StreamSettings(@DefaultValue("30m") Duration timeout,
                             @DefaultValue("15s") Duration heartbeat,
                             @DefaultValue("2") int senderThreads,
                             @DefaultValue("4") int maxPerCaller) {

    public StreamSettings {
        if (timeout == null || heartbeat == null || timeout.isNegative() || timeout.isZero() || heartbeat.isNegative()
                || heartbeat.isZero()) {
            throw new IllegalArgumentException("agreements.stream.timeout and .heartbeat must be positive");
        }
        if (senderThreads < 1) {
            throw new IllegalArgumentException("agreements.stream.sender-threads must be at least 1, not "
                    + senderThreads);
        }
        if (maxPerCaller < 1) {
            throw new IllegalArgumentException("agreements.stream.max-per-caller must be at least 1, not "
                    + maxPerCaller);
        }
    }
}
