package org.sharedagreements.command.agreement;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The aggregate's {@code Clock} in fixture tests: the fixture's simulated time, which {@code AggregateTestFixture}
 * keeps in Axon's static event clock ({@code andGivenCurrentTime} sets it, {@code whenTimeElapses} advances it).
 * Read at every call, so the aggregate decides with the same time its events are stamped with.
 */
final class FixtureClock extends Clock {

    @Override
    public Instant instant() {
        return GenericEventMessage.clock.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fixture's clock is UTC");
    }
}
