package org.sharedagreements.query.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a projection buffers for the batch of events it is handling and writes once, when the batch commits.
 * <p>
 * A streaming processor hands a projection its events in batches, each handled in one unit of work and one
 * transaction. Writing each event's consequences as it comes means, for an agreement with many events in the batch,
 * rewriting its rows once per event; buffering them here and writing them in the unit of work's prepare-commit
 * phase writes each agreement's rows once per batch, in the same transaction as the processor's token, so
 * nothing about the all-or-nothing of a batch changes. A batch is the resource of the root unit of work, so the
 * events of one batch share it and the next batch starts empty.
 * <p>
 * Outside a unit of work (a projection called directly, as its tests do) each call gets a fresh batch that is
 * written as soon as the call's work is done: the same result, one event at a time.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /**
     * Runs {@code work} on the current batch named {@code key}: the one of the current unit of work (made by
     * {@code create} on first use, with {@code write} registered for the prepare-commit phase), or a fresh one that
     * is written right after {@code work} when no unit of work is active.
     */
    public static <B> void run(String key, Supplier<B> create, Consumer<B> write, Consumer<B> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            B batch = create.get();
            work.accept(batch);
            write.accept(batch);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B batch = root.getOrComputeResource(key, k -> {
            B created = create.get();
            root.onPrepareCommit(u -> write.accept(created));
            return created;
        });
        work.accept(batch);
    }
}
