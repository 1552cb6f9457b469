package org.sharedagreements.query.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.AccessRole;
import org.sharedagreements.query.access.AgreementAccess;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each agreement's state document and its access rows (who may see it) up to date by folding every event
 * into the stored document. Idempotent: an event at or below the agreement's recorded progress is skipped. The
 * new document is computed in memory before anything is written, so an event the fold rejects leaves the tables
 * untouched and goes to the dead-letter queue.
 */
@Component
@ProcessingGroup(Projections.AGREEMENT_STATE)
public class AgreementStateProjection {

    private final AgreementStateRepository states;
    private final AgreementAccess access;
    private final ProjectionProgress progress;

    public AgreementStateProjection(AgreementStateRepository states, AgreementAccess access,
                                    ProjectionProgress progress) {
        this.states = states;
        this.access = access;
        this.progress = progress;
    }

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        AgreementId agreementId = event.agreementId();
        if (sequence <= progress.lastApplied(Projections.AGREEMENT_STATE, agreementId)) {
            return;
        }
        AgreementState state = AgreementStateFold.apply(states.find(agreementId).orElse(null), event, sequence, at);
        states.save(state);
        access.replace(agreementId, sequence, accessOf(state));
        progress.advance(Projections.AGREEMENT_STATE, agreementId, sequence);
    }

    @ResetHandler
    public void reset() {
        access.deleteAll();
        states.deleteAll();
        progress.clear(Projections.AGREEMENT_STATE);
    }

    static List<AgreementAccess.Entry> accessOf(AgreementState state) {
        List<AgreementAccess.Entry> entries = new ArrayList<>();
        state.partners.forEach(p -> entries.add(new AgreementAccess.Entry(p.partnerId, AccessRole.PARTNER, p.status)));
        state.counsellors.forEach(c -> entries.add(
                new AgreementAccess.Entry(c.counsellorId, AccessRole.COUNSELLOR, c.status)));
        return entries;
    }
}
