package org.sharedagreements.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.EventKind;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.BatchProgress;
import org.sharedagreements.query.projection.ProjectionBatch;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Records every version of every boundary and how it ended. It sees every event of an agreement, not only the
 * boundary events, so its recorded progress says how far it got with the agreement ({@code minVersion}). Its
 * progress is written once per agreement per batch of events ({@link ProjectionBatch}).
 */
@QuerySide
@Component
@ProcessingGroup(Projections.BOUNDARY_HISTORY)
public record BoundaryHistoryProjection(BoundaryHistoryRepository history, ProjectionProgress progress) {

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant timestamp) {
        ProjectionBatch.run(Projections.BOUNDARY_HISTORY, Batch::new, Batch::write,
                batch -> batch.apply(event, sequence, timestamp));
    }

    private void record(BoundaryHistoryRepository.Sealing sealing, AgreementEvent event, long sequence,
                        Instant timestamp) {
        AgreementId a = event.agreementId();
        Instant at = EventTime.millis(timestamp);
        String actor = event.actor() == null ? null : event.actor().value();
        // a switch expression, so that a new kind of event is a decision here, not silently nothing
        Runnable change = switch (EventKind.of(event)) {
            case BOUNDARY_PROPOSED -> () -> {
                BoundaryProposed e = (BoundaryProposed) event;
                history.proposed(sealing, a, e.boundaryId(), e.boundaryVersion(), "PROPOSAL", e.terms(), actor, at, sequence);
            };
            case BOUNDARY_REVISED -> () -> {
                BoundaryRevised e = (BoundaryRevised) event;
                history.proposed(sealing, a, e.boundaryId(), e.boundaryVersion(), "REVISION", e.terms(), actor, at, sequence);
            };
            case BOUNDARY_ACCEPTED -> () -> {
                BoundaryAccepted e = (BoundaryAccepted) event;
                history.accepted(sealing, a, e.boundaryId(), e.boundaryVersion(), actor, sequence);
            };
            case BOUNDARY_ACTIVATED -> () -> {
                BoundaryActivated e = (BoundaryActivated) event;
                history.activated(sealing, a, e.boundaryId(), e.boundaryVersion(), actor, at, sequence);
            };
            case BOUNDARY_DECLINED -> () -> {
                BoundaryDeclined e = (BoundaryDeclined) event;
                history.decided(sealing, a, e.boundaryId(), e.boundaryVersion(), "DECLINED", actor, at,
                        PrivateText.valueOf(e.reason()), sequence);
            };
            case BOUNDARY_PROPOSAL_WITHDRAWN -> () -> {
                BoundaryProposalWithdrawn e = (BoundaryProposalWithdrawn) event;
                history.decided(sealing, a, e.boundaryId(), e.boundaryVersion(), "WITHDRAWN", actor, at, null, sequence);
            };
            case BOUNDARY_RETIRED ->
                    () -> history.retired(sealing, a, ((BoundaryRetired) event).boundaryId(), actor, at, sequence);
            case AGREEMENT_ERASED -> () -> history.erase(sealing, a);
            // the history is of versions and their outcomes; consent, reviews, breaches, flags, counsellors are not
            case AGREEMENT_DRAFTED, PARTNER_INVITED, PARTNER_JOINED, PARTNER_LEFT, AGREEMENT_ENDED, CONSENT_WITHDRAWN,
                    BOUNDARY_REAFFIRMED, BOUNDARY_REINSTATED, BOUNDARY_REVIEW_DUE, BOUNDARY_REVIEWED,
                    BOUNDARY_RETIREMENT_REQUESTED, BOUNDARY_BROKEN, BREACH_ACKNOWLEDGED, BREACH_RESOLUTION_CONFIRMED,
                    BREACH_RESOLVED, RED_FLAG_RAISED, RED_FLAG_ADDRESSED, COUNSELLOR_ACCESS_REQUESTED,
                    COUNSELLOR_ACCESS_APPROVED, COUNSELLOR_ACCESS_GRANTED, COUNSELLOR_ACCESS_REVOKED -> () -> { };
        };
        change.run();
    }

    /** The agreements' progress within a batch of events, written once when the batch commits. */
    private final class Batch {
        private final BatchProgress applied = new BatchProgress(progress, Projections.BOUNDARY_HISTORY);
        private final BoundaryHistoryRepository.Sealing sealing = history.sealing();

        void apply(AgreementEvent event, long sequence, Instant timestamp) {
            if (applied.isNew(event.agreementId(), sequence)) {
                record(sealing, event, sequence, timestamp);
                applied.applied(event.agreementId(), sequence);
            }
        }

        void write() {
            sealing.write();
            applied.write();
        }
    }

    @ResetHandler
    public void reset() {
        history.deleteAll();
        progress.clear(Projections.BOUNDARY_HISTORY);
    }
}
