package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Appends every event of every agreement to its timeline; idempotent by the agreement's recorded progress. When
 * an agreement is erased, the content in its earlier entries' data is purged; the entries themselves stay. Each
 * entry is announced through {@link TimelineSignals} once committed, which is what feeds the live streams.
 */
@Component
@ProcessingGroup(Projections.TIMELINE)
public class TimelineProjection {

    private final TimelineRepository timeline;
    private final ProjectionProgress progress;
    private final TimelineSignals signals;

    public TimelineProjection(TimelineRepository timeline, ProjectionProgress progress, TimelineSignals signals) {
        this.timeline = timeline;
        this.progress = progress;
        this.signals = signals;
    }

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        AgreementId agreementId = event.agreementId();
        if (sequence <= progress.lastApplied(Projections.TIMELINE, agreementId)) {
            return;
        }
        timeline.append(agreementId, entry(event, sequence, at), Content.paths(event));
        if (event instanceof AgreementErased) {
            timeline.erase(agreementId);
        }
        progress.advance(Projections.TIMELINE, agreementId, sequence);
        signals.appendedAfterCommit(agreementId, sequence);
    }

    @ResetHandler
    public void reset() {
        timeline.deleteAll();
        progress.clear(Projections.TIMELINE);
    }

    static TimelineEntry entry(AgreementEvent event, long sequence, Instant at) {
        ObjectNode data = ProjectionJson.mapper().valueToTree(event);
        data.remove("agreementId");
        data.remove("actor");
        return new TimelineEntry(sequence, event.getClass().getSimpleName(), EventTime.format(at),
                event.actor() == null ? null : event.actor().value(), TimelineSummaries.of(event), data, null);
    }
}
