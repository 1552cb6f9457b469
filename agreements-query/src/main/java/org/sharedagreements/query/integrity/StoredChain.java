package org.sharedagreements.query.integrity;

import java.util.List;

/**
 * An agreement's stored events and its stored checkpoints, read in one snapshot of the database so that an
 * append committing meanwhile cannot show as events without their checkpoint, or the other way round.
 */
public record StoredChain(List<StoredEvent> events, List<StoredCheckpoint> checkpoints) {

    public StoredChain {
        events = List.copyOf(events);
        checkpoints = List.copyOf(checkpoints);
    }
}
