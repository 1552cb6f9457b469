package org.sharedagreements.command.agreement;

import org.axonframework.eventhandling.GenericEventMessage;
import org.sharedagreements.kernel.UtcClock;

import java.time.Instant;

/**
 * The aggregate's {@code Clock} in fixture tests: the fixture's simulated time, which {@code AggregateTestFixture}
 * keeps in Axon's static event clock ({@code andGivenCurrentTime} sets it, {@code whenTimeElapses} advances it).
 * Read at every call, so the aggregate decides with the same time its events are stamped with.
 */
final class FixtureClock extends UtcClock {

    @Override
    public Instant instant() {
        return GenericEventMessage.clock.instant();
    }
}
