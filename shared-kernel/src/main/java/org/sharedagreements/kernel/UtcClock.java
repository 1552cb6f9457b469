package org.sharedagreements.kernel;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock in UTC that a subclass only has to tell the instant of: the service decides and stamps everything in
 * UTC, so the clocks that stand in for the system's (the demo seeder's, the aggregate tests') share the rest.
 */
public abstract class UtcClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is UTC, not " + zone);
    }
}
