package org.sharedagreements.query.projection;

import org.sharedagreements.kernel.AgreementId;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One projection's progress within a batch of events ({@link ProjectionBatch}): what it had applied of each
 * agreement before the batch (read once per agreement) and what the batch applied, written in one round trip.
 */
public final class BatchProgress {

    private final ProjectionProgress progress;
    private final String projection;
    private final Map<AgreementId, Long> stored = new HashMap<>();
    private final Map<AgreementId, Long> applied = new LinkedHashMap<>();

    public BatchProgress(ProjectionProgress progress, String projection) {
        this.progress = Objects.requireNonNull(progress, "batch progress needs the projection progress");
        this.projection = Objects.requireNonNull(projection, "batch progress needs a projection");
    }

    /** Whether the agreement's event {@code sequence} is above everything the projection applied of it so far. */
    public boolean isNew(AgreementId agreementId, long sequence) {
        Long last = applied.get(agreementId);
        if (last == null) {
            last = stored.computeIfAbsent(agreementId, id -> progress.lastApplied(projection, id));
        }
        return sequence > last;
    }

    /** Records that the batch applied the agreement's event {@code sequence}. */
    public void applied(AgreementId agreementId, long sequence) {
        applied.put(agreementId, sequence);
    }

    /** The last event the batch applied of each agreement it changed, in the order it first changed them. */
    public Map<AgreementId, Long> applied() {
        return Collections.unmodifiableMap(applied);
    }

    /** Writes the batch's progress (see {@link ProjectionProgress#advanceAll}). */
    public void write() {
        progress.advanceAll(projection, applied);
    }
}
