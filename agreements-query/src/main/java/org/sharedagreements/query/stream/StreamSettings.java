package org.sharedagreements.query.stream;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Live timeline streams ({@code agreements.stream.*}), checked when the service starts.
 *
 * @param timeout how long a stream stays open at most (it also ends when the caller's token expires); the browser
 *                reconnects and resumes after it. 30 minutes bounds how long a forgotten tab pins a connection
 * @param heartbeat how often every stream is caught up, its access checked again and a comment written (which finds
 *                  clients that went away); 15 s, below the 30 to 60 s idle timeouts of common proxies
 * @param senderThreads threads that write to streams, never the projection's; 2, as writes are small and the
 *                      threads only wait on sockets
 * @param maxPerCaller streams one caller may have open at once on a node; more are 429 with {@code Retry-After}. 4
 *                     leaves room for a few tabs of one person
 */
@Validated
@ConfigurationProperties("agreements.stream")
public record StreamSettings(@DefaultValue("30m") @NotNull @DurationMin(millis = 1) Duration timeout,
                             @DefaultValue("15s") @NotNull @DurationMin(millis = 1) Duration heartbeat,
                             @DefaultValue("2") @Min(1) int senderThreads,
                             @DefaultValue("4") @Min(1) int maxPerCaller) {
}
