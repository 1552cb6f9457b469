package org.sharedagreements.query.access;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How {@code minVersion} waits run ({@code agreements.query.*}), checked when the service starts.
 *
 * @param minVersionTimeout how long a query waits for the read models before it answers 503; 5 s because the
 *                          contract (docs/contract.md) promises an answer within 5 s
 * @param maxWaits waits one node holds at once, for everyone; more are 429. A wait holds no request thread, only a
 *                 little memory, so 2048 only bounds what a flood of callers can pin
 * @param maxWaitsPerCaller waits one caller may have open at once; more are 429 with {@code Retry-After}. 8 is more
 *                          than a browser's parallel requests to one host, so only a script hits it
 * @param waitThreads threads that check waits again when the read models advance, and answer them; 4, because a
 *                    check is a short read-model lookup and a node has few cores
 */
@Validated
@ConfigurationProperties("agreements.query")
public record GateSettings(
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration minVersionTimeout,
        @Min(1) @DefaultValue("8") int maxWaitsPerCaller,
        @Min(1) @DefaultValue("2048") int maxWaits,
        @Min(1) @Max(64) @DefaultValue("4") int waitThreads) {

    /** A node that could hold fewer waits than one caller may open would refuse that caller's last ones. */
    @AssertTrue(message = "agreements.query.max-waits must be at least agreements.query.max-waits-per-caller")
    public boolean isMaxWaitsAtLeastPerCaller() {
        return maxWaits >= maxWaitsPerCaller;
    }
}
