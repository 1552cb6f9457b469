package org.sharedagreements.app.demo;

import org.sharedagreements.kernel.UtcClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The service's clock when it seeds demo data: the millisecond system clock, except while {@link DemoData}
 * stands it at the dates its events would have had. Only with {@code agreements.demo}; otherwise the clock cannot
 * be set (see {@code ClockConfiguration}).
 */
@Component
@ConditionalOnProperty(name = "agreements.demo", havingValue = "true")
public class DemoClock extends UtcClock {

    private static final Clock SYSTEM = Clock.tickMillis(ZoneOffset.UTC);

    private volatile Instant standing;

    /** Stands the clock still at this instant, until {@link #resume()}. */
    void standAt(Instant instant) {
        standing = instant;
    }

    void resume() {
        standing = null;
    }

    @Override
    public Instant instant() {
        Instant at = standing;
        return at != null ? at : SYSTEM.instant();
    }
}
