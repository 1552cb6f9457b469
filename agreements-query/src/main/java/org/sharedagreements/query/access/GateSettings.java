package org.sharedagreements.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How {@code minVersion} waits run ({@code agreements.query.*}), checked when the service starts.
 *
 * @param minVersionTimeout how long a query waits for the read models (api.md: up to 5 s)
 * @param maxWaitsPerCaller waits one caller may have open at once; more are 429 with {@code Retry-After}
 * @param maxWaits waits one node holds at once, for everyone; more are 429. A wait holds no request thread, only
 *                 a little memory, so this only bounds what a flood of callers can pin
 * @param waitThreads threads that check waits again when the read models advance, and answer them
 */
@ConfigurationProperties("agreements.query")
public record GateSettings(@DefaultValue("5s") Duration minVersionTimeout,
                           @DefaultValue("8") int maxWaitsPerCaller,
                           @DefaultValue("2048") int maxWaits,
                           @DefaultValue("4") int waitThreads) {

    public GateSettings {
        if (minVersionTimeout == null || minVersionTimeout.isNegative() || minVersionTimeout.isZero()) {
            throw new IllegalArgumentException("agreements.query.min-version-timeout must be positive");
        }
        if (maxWaitsPerCaller < 1 || maxWaits < maxWaitsPerCaller) {
            throw new IllegalArgumentException("agreements.query.max-waits-per-caller must be at least 1 and "
                    + "agreements.query.max-waits at least as large, not " + maxWaitsPerCaller + " and " + maxWaits);
        }
        if (waitThreads < 1 || waitThreads > 64) {
            throw new IllegalArgumentException("agreements.query.wait-threads must be 1 to 64, not " + waitThreads);
        }
    }
}
