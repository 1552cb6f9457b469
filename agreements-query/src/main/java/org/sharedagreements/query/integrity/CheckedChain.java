package org.sharedagreements.query.integrity;

import java.util.List;

/** An agreement's verification and each of its checkpoints as judged, in sequence order, from one snapshot. */
public record CheckedChain(Verification verification, List<CheckedCheckpoint> checkpoints) {

    public CheckedChain {
        checkpoints = List.copyOf(checkpoints);
    }
}
