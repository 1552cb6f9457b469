package org.sharedagreements.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.membership.AgreementErased;
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
public class BoundaryHistoryProjection {

    private final BoundaryHistoryRepository history;
    private final ProjectionProgress progress;

    public BoundaryHistoryProjection(BoundaryHistoryRepository history, ProjectionProgress progress) {
        this.history = history;
        this.progress = progress;
    }

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant timestamp) {
        ProjectionBatch.run(Projections.BOUNDARY_HISTORY, Batch::new, Batch::write,
                batch -> batch.apply(event, sequence, timestamp));
    }

    private void record(AgreementEvent event, long sequence, Instant timestamp) {
        AgreementId a = event.agreementId();
        Instant at = EventTime.millis(timestamp);
        String actor = event.actor() == null ? null : event.actor().value();
        if (event instanceof BoundaryProposed e) {
            history.proposed(a, e.boundaryId(), e.boundaryVersion(), "PROPOSAL", e.terms(), actor, at, sequence);
        } else if (event instanceof BoundaryRevised e) {
            history.proposed(a, e.boundaryId(), e.boundaryVersion(), "REVISION", e.terms(), actor, at, sequence);
        } else if (event instanceof BoundaryAccepted e) {
            history.accepted(a, e.boundaryId(), e.boundaryVersion(), actor, sequence);
        } else if (event instanceof BoundaryActivated e) {
            history.activated(a, e.boundaryId(), e.boundaryVersion(), actor, at, sequence);
        } else if (event instanceof BoundaryDeclined e) {
            history.decided(a, e.boundaryId(), e.boundaryVersion(), "DECLINED", actor, at, e.reason(), sequence);
        } else if (event instanceof BoundaryProposalWithdrawn e) {
            history.decided(a, e.boundaryId(), e.boundaryVersion(), "WITHDRAWN", actor, at, null, sequence);
        } else if (event instanceof BoundaryRetired e) {
            history.retired(a, e.boundaryId(), actor, at, sequence);
        } else if (event instanceof AgreementErased) {
            history.erase(a);
        }
    }

    /** The agreements' progress within a batch of events, written once when the batch commits. */
    private final class Batch {
        private final BatchProgress applied = new BatchProgress(progress, Projections.BOUNDARY_HISTORY);

        void apply(AgreementEvent event, long sequence, Instant timestamp) {
            if (applied.isNew(event.agreementId(), sequence)) {
                record(event, sequence, timestamp);
                applied.applied(event.agreementId(), sequence);
            }
        }

        void write() {
            applied.write();
        }
    }

    @ResetHandler
    public void reset() {
        history.deleteAll();
        progress.clear(Projections.BOUNDARY_HISTORY);
    }
}
