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
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.BatchProgress;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionBatch;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends every event of every agreement to its timeline; idempotent by the agreement's recorded progress. When
 * an agreement is erased, what its entries sealed (content and people) is purged; their outlines stay. The
 * entries of a batch of events are inserted together when it commits ({@link ProjectionBatch}), and each
 * agreement's newest entry is then announced through {@link TimelineSignals}, which is what feeds the live streams.
 */
@QuerySide
@Component
@ProcessingGroup(Projections.TIMELINE)
public record TimelineProjection(TimelineRepository timeline, ProjectionProgress progress, TimelineSignals signals) {

    /** {@link #sealedPaths} per class of event, put together once (not again for every event). */
    private static final ClassValue<List<List<String>>> SEALED_PATHS = new ClassValue<>() {
        @Override
        protected List<List<String>> computeValue(Class<?> type) {
            List<List<String>> paths = new ArrayList<>(Content.pathsOf(type));
            paths.addAll(Content.personalPathsOf(type).stream().filter(path -> !paths.contains(path)).toList());
            return List.copyOf(paths);
        }
    };

    @EventHandler
    public void on(AgreementEvent event, @SequenceNumber Long sequence, @Timestamp Instant at) {
        ProjectionBatch.run(Projections.TIMELINE, Batch::new, Batch::write, batch -> batch.apply(event, sequence, at));
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

    /** What of an event's fields the timeline seals: its content, the user ids it names, indicator and category. */
    static List<List<String>> sealedPaths(AgreementEvent event) {
        return SEALED_PATHS.get(event.getClass());
    }

    private final class Batch {
        private final BatchProgress applied = new BatchProgress(progress, Projections.TIMELINE);
        private final List<TimelineRepository.Appended> pending = new ArrayList<>();

        void apply(AgreementEvent event, long sequence, Instant at) {
            AgreementId agreementId = event.agreementId();
            if (!applied.isNew(agreementId, sequence)) {
                return;
            }
            pending.add(new TimelineRepository.Appended(agreementId, entry(event, sequence, at),
                    TimelineSummaries.outline(event), sealedPaths(event)));
            if (event instanceof AgreementErased) {
                // erasure purges the stored entries, so the agreement's earlier entries must be stored first
                timeline.appendAll(pending);
                pending.clear();
                timeline.erase(agreementId);
            }
            applied.applied(agreementId, sequence);
        }

        void write() {
            timeline.appendAll(pending);
            applied.write();
            applied.applied().forEach(signals::appendedAfterCommit);
        }
    }
}
