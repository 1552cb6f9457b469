package org.sharedagreements.query.timeline;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.sharedagreements.query.support.TestSeals;
import org.sharedagreements.query.support.Story;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds events to the timeline projection and reads its table on PostgreSQL. */
class TimelineProjectionTest {

    private JdbcTemplate jdbc;
    private TimelineRepository timeline;
    private TimelineProjection projection;
    private TimelineSignals signals;

    @BeforeEach
    void emptyReadSide() {
        jdbc = ReadModelDatabase.emptied();
        timeline = new TimelineRepository(jdbc, TestSeals.fresh());
        signals = new TimelineSignals();
        projection = new TimelineProjection(timeline, new ProjectionProgress(jdbc), signals);
    }

    private void feed(Story story) {
        story.events.forEach(e -> projection.on(e.event(), e.sequence(), e.at()));
    }

    @Test
    void oneEntryPerEventWithTypeActorTimeSummaryAndData() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("No DMs with exes", "P14D"));
        feed(story);

        List<TimelineEntry> entries = timeline.page(story.agreementId, -1, 100);
        assertThat(entries).extracting(TimelineEntry::type).containsExactly("AgreementDrafted", "PartnerInvited",
                "PartnerJoined", "BoundaryProposed", "BoundaryAccepted", "BoundaryActivated");
        assertThat(entries).extracting(TimelineEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        TimelineEntry proposed = entries.get(3);
        assertThat(proposed.actor()).isEqualTo("ada");
        assertThat(proposed.at()).isEqualTo("2026-01-05T10:03:00.123Z");
        assertThat(proposed.summary()).isEqualTo("ada proposed a new boundary (version 1).");
        assertThat(proposed.data().has("agreementId")).isFalse();
        assertThat(proposed.data().has("actor")).isFalse();
        assertThat(proposed.data().path("boundaryId").asText()).isEqualTo(boundary.toString());
        assertThat(proposed.data().path("terms").path("statement").asText()).isEqualTo("No DMs with exes");
        assertThat(proposed.data().path("terms").path("reviewEvery").asText()).isEqualTo("P14D");
        assertThat(proposed.hash()).as("no stored event, no hash").isNull();
        assertThat(entries.get(1).data().path("partnerId").asText()).isEqualTo("ben");
    }

    @Test
    void serviceEventsHaveNoActor() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("x", "P1D"));
        story.then(new BoundaryReviewDue(story.agreementId, null, boundary, 1, Instant.parse("2026-01-06T10:05:00Z")));
        feed(story);

        TimelineEntry due = timeline.page(story.agreementId, 5, 10).get(0);
        assertThat(due.actor()).isNull();
        assertThat(due.summary()).isEqualTo("Version 1 of a boundary is due for review.");
        assertThat(due.data().path("dueAt").asText()).startsWith("2026-01-06T10:05");
    }

    @Test
    void pagesAfterASequenceAndIgnoresRedeliveries() {
        Story story = Story.formed().activeBoundary(BoundaryId.random(), Story.terms("x", "P30D"));
        feed(story);
        feed(story);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_event", Long.class)).isEqualTo(6);
        assertThat(timeline.page(story.agreementId, 1, 2)).extracting(TimelineEntry::sequence).containsExactly(2L, 3L);
        assertThat(timeline.page(story.agreementId, 5, 2)).isEmpty();
    }

    @Test
    void erasurePurgesTheContentOfEarlierEntries() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("Very private", "P30D"));
        story.then(new org.sharedagreements.kernel.membership.AgreementErased(story.agreementId, Story.ADA));
        feed(story);

        List<TimelineEntry> entries = timeline.page(story.agreementId, -1, 100);
        assertThat(entries.get(0).data().path("title").asText()).isEqualTo("[erased]");
        TimelineEntry proposed = entries.get(3);
        assertThat(proposed.data().path("terms").path("statement").asText()).isEqualTo("[erased]");
        assertThat(proposed.data().path("terms").path("category").asText()).isEqualTo("[erased]");
        assertThat(proposed.data().path("terms").path("reviewEvery").asText()).isEqualTo("P30D");
        assertThat(proposed.data().path("boundaryId").asText()).isEqualTo(boundary.toString());
        assertThat(entries.get(6).type()).isEqualTo("AgreementErased");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_event WHERE data::text LIKE '%Very private%'",
                Long.class)).isZero();
    }

    @Test
    void resetEmptiesTheTimeline() {
        Story story = Story.formed();
        feed(story);
        projection.reset();
        assertThat(timeline.page(story.agreementId, -1, 10)).isEmpty();
        feed(story);
        assertThat(timeline.page(story.agreementId, -1, 10)).hasSize(3);
    }

    @Test
    void eachEntryCarriesTheHashStoredWithItsEvent() {
        Story story = Story.formed();
        feed(story);
        for (Story.Recorded recorded : story.events.subList(0, 2)) {
            jdbc.update("""
                    INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp,
                                                    aggregate_identifier, sequence_number, type)
                    VALUES (?, ?, ?, ?, ?, ?, 'Agreement')""", UUID.randomUUID().toString(),
                    ("{\"n\":" + recorded.sequence() + "}").getBytes(StandardCharsets.UTF_8),
                    recorded.event().getClass().getName(), recorded.at().toString(), story.agreementId.toString(),
                    recorded.sequence());
        }
        List<String> stored = jdbc.queryForList("SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, story.agreementId.toString());

        List<TimelineEntry> entries = timeline.page(story.agreementId, -1, 10);

        assertThat(stored).hasSize(2).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(entries).extracting(TimelineEntry::hash).containsExactly(stored.get(0), stored.get(1), null);
    }

    @Test
    void everyNewEntryIsSignalledOnceAndRedeliveriesAreNot() {
        List<TimelineAppended> heard = new ArrayList<>();
        signals.subscribe(heard::add);
        Story story = Story.formed();

        feed(story);
        feed(story);

        assertThat(heard).containsExactly(new TimelineAppended(story.agreementId, 0),
                new TimelineAppended(story.agreementId, 1), new TimelineAppended(story.agreementId, 2));
        assertThat(timeline.lastSequence(story.agreementId)).isEqualTo(2);
    }

    @Test
    void aBatchIsInsertedWhenItCommitsErasesWhatCameBeforeTheErasureAndSignalsEachAgreementOnce() {
        List<TimelineAppended> heard = new ArrayList<>();
        signals.subscribe(heard::add);
        Story erased = Story.formed().activeBoundary(BoundaryId.random(), Story.terms("Very private", "P30D"));
        erased.then(new org.sharedagreements.kernel.membership.AgreementErased(erased.agreementId, Story.ADA));
        Story kept = Story.formed();
        List<Story.Recorded> batchOf = new ArrayList<>(kept.events);
        batchOf.addAll(erased.events);
        Map<Object, Story.Recorded> byPayload = new IdentityHashMap<>();
        batchOf.forEach(r -> byPayload.put(r.event(), r));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                batchOf.stream().<EventMessage<?>>map(r -> GenericEventMessage.asEventMessage(r.event())).toList());
        List<Long> rowsBeforeTheErasure = new ArrayList<>();

        batch.executeWithResult(() -> {
            Story.Recorded recorded = byPayload.get(batch.getMessage().getPayload());
            if (recorded.event() instanceof org.sharedagreements.kernel.membership.AgreementErased) {
                rowsBeforeTheErasure.add(jdbc.queryForObject("SELECT count(*) FROM timeline_event", Long.class));
            }
            projection.on(recorded.event(), recorded.sequence(), recorded.at());
            return null;
        });

        assertThat(rowsBeforeTheErasure).as("nothing is written before the batch commits").containsExactly(0L);
        assertThat(timeline.page(erased.agreementId, -1, 100)).hasSize(7);
        assertThat(timeline.page(kept.agreementId, -1, 100)).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_event WHERE data::text LIKE '%Very private%'",
                Long.class)).isZero();
        assertThat(heard).containsExactlyInAnyOrder(new TimelineAppended(kept.agreementId, 2),
                new TimelineAppended(erased.agreementId, 6));
    }
}
