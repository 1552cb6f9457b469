package org.sharedagreements.query.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.ErasedPerson;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementAccess;
import org.sharedagreements.query.projection.ProjectionBatch;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps each agreement's state document and its access rows (who may see it) up to date by folding every event
 * into the document. Idempotent: an event at or below the agreement's recorded progress is skipped.
 * <p>
 * The fold runs in memory over the batch of events the processor hands over ({@link ProjectionBatch}); each
 * agreement's document, access rows and progress are written once per batch, when it commits. An event the fold
 * rejects goes to the dead-letter queue and leaves no trace: the agreement's document is folded again from what
 * is stored plus the events of the batch that were applied before it.
 * <p>
 * Who may see an agreement stays as it was once it is erased: its document then names no one, and its partners
 * still find it (their access rows hold only blind indexes).
 */
@QuerySide
@Component
@ProcessingGroup(Projections.AGREEMENT_STATE)
public record AgreementStateProjection(AgreementStateRepository states, AgreementAccess access,
                                       ProjectionProgress progress) {

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        ProjectionBatch.run(Projections.AGREEMENT_STATE, Batch::new, Batch::write,
                batch -> batch.apply(event, sequence, at));
    }

    /**
     * Empties the read models for a replay, except who may see the erased agreements: their events no longer open
     * to the user ids, so a replay could not find their partners again (it folds them with stand-ins, which
     * {@link Folding} never writes as access), and the rows, which hold only blind indexes, are kept as they are.
     */
    @ResetHandler
    public void reset() {
        access.deleteAllButErased();
        states.deleteAll();
        progress.clear(Projections.AGREEMENT_STATE);
    }

    static List<AgreementAccess.Entry> accessOf(AgreementState state) {
        List<AgreementAccess.Entry> entries = new ArrayList<>();
        if (state == null) {
            return entries;
        }
        state.partners.forEach(p -> entries.add(
                new AgreementAccess.Entry(p.partnerId, AccessRole.PARTNER, p.status.name())));
        state.counsellors.forEach(c -> entries.add(
                new AgreementAccess.Entry(c.counsellorId, AccessRole.COUNSELLOR, c.status.name())));
        return entries;
    }

    /** One agreement within a batch: its state as stored when the batch first met it, and the events applied since. */
    private static final class Folding {
        final long storedSequence;
        final boolean storedBefore;
        final String storedTitle;
        final List<AgreementAccess.Entry> storedAccess;
        final List<Applied> applied = new ArrayList<>();
        AgreementState state;
        List<AgreementAccess.Entry> access;
        /** The event that last changed who may see the agreement, within this batch. */
        long accessChangedBy;

        Folding(AgreementState stored, long storedSequence) {
            this.state = stored;
            this.storedSequence = storedSequence;
            this.storedBefore = stored != null;
            this.storedTitle = stored == null ? null : stored.title;
            this.storedAccess = accessOf(stored);
            this.access = storedAccess;
        }

        void applied(Applied event) {
            applied.add(event);
            List<AgreementAccess.Entry> now = accessOf(state);
            if (!now.equals(access) && namesEveryone(now)) {
                access = now;
                accessChangedBy = event.sequence;
            }
        }

        /** False once the document names people as erased: who may see the agreement then stays as it was. */
        private boolean namesEveryone(List<AgreementAccess.Entry> entries) {
            return state.status != AgreementStatus.ERASED && entries.stream()
                    .allMatch(e -> e.userId() != null && !ErasedPerson.is(e.userId()));
        }

        boolean titleChanged() {
            return !storedBefore || !Objects.equals(storedTitle, state.title);
        }

        long lastApplied() {
            return applied.isEmpty() ? storedSequence : applied.get(applied.size() - 1).sequence;
        }
    }

    private record Applied(AgreementEvent event, long sequence, Instant at) {
    }

    private final class Batch {
        private final Map<AgreementId, Folding> agreements = new LinkedHashMap<>();

        void apply(AgreementEvent event, long sequence, Instant at) {
            AgreementId agreementId = event.agreementId();
            Folding folding = agreements.computeIfAbsent(agreementId, id -> new Folding(
                    states.find(id).orElse(null), progress.lastApplied(Projections.AGREEMENT_STATE, id)));
            if (sequence <= folding.lastApplied()) {
                return;
            }
            try {
                folding.state = AgreementStateFold.apply(folding.state, event, sequence, at);
            } catch (RuntimeException rejected) {
                // the fold may have changed the document before it gave up: start again from what is stored
                Folding again = new Folding(states.find(agreementId).orElse(null), folding.storedSequence);
                for (Applied earlier : folding.applied) {
                    again.state = AgreementStateFold.apply(again.state, earlier.event, earlier.sequence, earlier.at);
                    again.applied(earlier);
                }
                agreements.put(agreementId, again);
                throw rejected;
            }
            folding.applied(new Applied(event, sequence, at));
        }

        void write() {
            List<AgreementStateRepository.Changed> changed = new ArrayList<>();
            Map<AgreementId, Long> applied = new LinkedHashMap<>();
            Map<AgreementId, AgreementAccess.Replacement> accessChanges = new LinkedHashMap<>();
            agreements.forEach((agreementId, folding) -> {
                if (folding.applied.isEmpty()) {
                    return;
                }
                changed.add(new AgreementStateRepository.Changed(folding.state, folding.titleChanged()));
                applied.put(agreementId, folding.lastApplied());
                if (!folding.access.equals(folding.storedAccess)) {
                    accessChanges.put(agreementId,
                            new AgreementAccess.Replacement(folding.accessChangedBy, folding.access));
                }
            });
            states.saveAll(changed);
            access.replaceAll(accessChanges);
            progress.advanceAll(Projections.AGREEMENT_STATE, applied);
        }
    }
}
