package org.sharedagreements.query.agreement;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.query.access.AgreementAccess;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.GateSettings;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.projection.ReadModelSeals;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.sharedagreements.query.support.TestSeals;
import org.sharedagreements.sealing.InMemoryAgreementKeys;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.query.support.Story;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.query.support.Story.ADA;
import static org.sharedagreements.query.support.Story.BEN;

/** Feeds events to the state projection and reads its tables on PostgreSQL. */
class AgreementStateProjectionTest {

    private JdbcTemplate jdbc;
    private InMemoryAgreementKeys keys;
    private AgreementStateRepository states;
    private AgreementAccess access;
    private ProjectionProgress progress;
    private AgreementStateProjection projection;
    private AgreementGate gate;

    @BeforeEach
    void emptyReadSide() {
        jdbc = ReadModelDatabase.emptied();
        keys = new InMemoryAgreementKeys();
        ReadModelSeals seals = TestSeals.with(keys);
        states = new AgreementStateRepository(jdbc, seals);
        access = new AgreementAccess(jdbc, TestSeals.BLIND_INDEX);
        progress = new ProjectionProgress(jdbc);
        projection = new AgreementStateProjection(states, access, progress);
        gate = new AgreementGate(access, new TimelineSignals(), new GateSettings(Duration.ofSeconds(1), 8, 64, 1));
    }

    @AfterEach
    void closeGate() {
        gate.destroy();
    }

    @Test
    void erasureNeedsNoKeyAndLeavesTheErasedDocumentWithoutCiphertextForItsPartners() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("Very private", "P30D"));
        feed(story);
        assertThat(jdbc.queryForObject("SELECT document::text || title || sealed_document FROM agreement_state",
                String.class))
                .as("stored sealed").doesNotContain("Very private").doesNotContain("\"ada\"").contains("s1:");
        assertThat(states.find(story.agreementId).orElseThrow().boundary(boundary.toString()).terms.statement)
                .as("opened").isEqualTo("Very private");

        // as in the service: the key is destroyed when AgreementErased is stored, before any projection sees it
        keys.destroy(story.agreementId.value());
        VisibleAgreement visible = gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, null).join();
        assertThat(states.document(visible).orElseThrow()).as("until it is folded, the outline is all there is")
                .contains("[erased]").doesNotContain("Very private").doesNotContain("s1:");
        story.then(new AgreementErased(story.agreementId, ADA));
        projection.on(story.last().event(), story.last().sequence(), story.last().at());

        String erased = document(story);
        AgreementState state = states.find(story.agreementId).orElseThrow();
        assertThat(state.status).isEqualTo(AgreementStatus.ERASED);
        assertThat(state.partners).hasSize(2).allMatch(p -> p.partnerId.equals("[erased]"));
        assertThat(state.boundary(boundary.toString()).terms.statement).isEqualTo("[erased]");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_state WHERE title IS NULL AND sealed IS NULL "
                + "AND sealed_document IS NULL AND document::text NOT LIKE '%s1:%'", Long.class))
                .as("no ciphertext left").isEqualTo(1);
        assertThat(seenAs(story.agreementId, Caller.of("ada"))).as("its partners still find it")
                .contains(AccessRole.PARTNER);

        // a replay passes the same events with the key gone, in batches of one, and ends where the live fold did
        projection.reset();
        feed(story);
        assertThat(document(story)).isEqualTo(erased);
        assertThat(seenAs(story.agreementId, Caller.of("ben"))).contains(AccessRole.PARTNER);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_state WHERE sealed IS NULL "
                + "AND sealed_document IS NULL", Long.class)).isEqualTo(1);
    }

    /** How the gate lets the caller see the agreement through the partners' endpoints, if at all. */
    private Optional<AccessRole> seenAs(AgreementId agreementId, Caller caller) {
        try {
            return Optional.of(gate.open(agreementId, caller, Audience.PARTNERS, null).join().role());
        } catch (CompletionException hidden) {
            return Optional.empty();
        }
    }

    private void feed(Story story) {
        story.events.forEach(e -> projection.on(e.event(), e.sequence(), e.at()));
    }

    @Test
    void storesTheFoldedDocumentWithItsVersion() {
        Story story = Story.formed();
        feed(story);

        AgreementState state = states.find(story.agreementId).orElseThrow();
        assertThat(state.version).isEqualTo(2);
        assertThat(state.status).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(jdbc.queryForObject("SELECT version FROM agreement_state WHERE agreement_id = ?", Long.class,
                story.agreementId.value())).isEqualTo(2);
        assertThat(progress.lastApplied(Projections.AGREEMENT_STATE, story.agreementId)).isEqualTo(2);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Story story = Story.formed();
        feed(story);
        String before = jdbc.queryForObject("SELECT document::text FROM agreement_state", String.class);

        // a segment taken over by another node replays from its last token: the same events again
        feed(story);
        Story.Recorded invite = story.events.get(1);
        projection.on(new PartnerInvited(story.agreementId, ADA, PartnerId.of("mallory")), invite.sequence(),
                invite.at());

        assertThat(jdbc.queryForObject("SELECT document::text FROM agreement_state", String.class)).isEqualTo(before);
        assertThat(seenAs(story.agreementId, Caller.of("mallory"))).isEmpty();
    }

    @Test
    void partnersWhoJoinedAndGrantedCounsellorsSeeTheAgreementOthersDoNot() {
        Story story = Story.formed();
        story.then(new PartnerInvited(story.agreementId, ADA, PartnerId.of("cy")));
        CounsellorId carol = CounsellorId.of("carol");
        story.then(new CounsellorAccessRequested(story.agreementId, ADA, carol))
                .then(new CounsellorAccessGranted(story.agreementId, BEN, carol));
        feed(story);

        assertThat(seenAs(story.agreementId, Caller.of("ada"))).contains(AccessRole.PARTNER);
        assertThat(seenAs(story.agreementId, Caller.of("cy"))).as("invited, not joined").isEmpty();
        assertThat(seenAs(story.agreementId, Caller.of("carol", Role.COUNSELLOR))).contains(AccessRole.COUNSELLOR);
        assertThat(seenAs(story.agreementId, Caller.of("carol")))
                .as("without the counsellor role").isEmpty();
        assertThat(states.summaries(gate.agreementsOf(Caller.of("carol", Role.COUNSELLOR)))).extracting(AgreementSummary::role)
                .containsExactly(AccessRole.COUNSELLOR);
        assertThat(states.states(gate.caseloadOf(Caller.of("carol", Role.COUNSELLOR)))).hasSize(1);

        story.then(new CounsellorAccessRevoked(story.agreementId, BEN, carol, RevocationReason.REVOKED_BY_PARTNER));
        feed(story);
        assertThat(seenAs(story.agreementId, Caller.of("carol", Role.COUNSELLOR))).isEmpty();
        assertThat(states.summaries(gate.agreementsOf(Caller.of("carol", Role.COUNSELLOR)))).isEmpty();
        assertThat(states.states(gate.caseloadOf(Caller.of("carol", Role.COUNSELLOR)))).isEmpty();
    }

    @Test
    void listsTheCallersAgreements() {
        Story first = Story.formed();
        Story second = Story.formed();
        feed(first);
        feed(second);

        assertThat(states.summaries(gate.agreementsOf(Caller.of("ben")))).extracting(AgreementSummary::agreementId)
                .containsExactlyInAnyOrder(first.agreementId.toString(), second.agreementId.toString());
        AgreementSummary summary = states.summaries(gate.agreementsOf(Caller.of("ada"))).get(0);
        assertThat(summary.title()).isEqualTo("Our agreement");
        assertThat(summary.version()).isEqualTo(2);
        assertThat(summary.lastEventAt()).isEqualTo("2026-01-05T10:02:00.123Z");
        assertThat(states.summaries(gate.agreementsOf(Caller.of("stranger")))).isEmpty();
    }

    @Test
    void resetEmptiesItsTables() {
        Story story = Story.formed();
        feed(story);

        projection.reset();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_state", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_access", Long.class)).isZero();
        assertThat(progress.lastApplied(Projections.AGREEMENT_STATE, story.agreementId))
                .isEqualTo(ProjectionProgress.NOTHING_APPLIED);
        feed(story);
        assertThat(states.find(story.agreementId)).isPresent();
    }

    @Test
    void aBatchIsWrittenWhenItCommitsAndLeavesWhatOneEventAtATimeWouldLeave() {
        Story first = Story.formed();
        first.then(new PartnerInvited(first.agreementId, ADA, PartnerId.of("cy")));
        Story second = Story.formed();
        // the fold rejects an acceptance of a boundary the agreement never had (the queue takes such an event)
        second.then(new BoundaryAccepted(second.agreementId, BEN, BoundaryId.random(), 1));
        List<Story.Recorded> interleaved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            interleaved.add(first.events.get(i));
            interleaved.add(second.events.get(i));
        }
        Map<Object, Story.Recorded> byPayload = new IdentityHashMap<>();
        interleaved.forEach(r -> byPayload.put(r.event(), r));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                interleaved.stream().<EventMessage<?>>map(r -> GenericEventMessage.asEventMessage(r.event())).toList());
        List<String> rejected = new ArrayList<>();
        List<Long> storedBeforeCommit = new ArrayList<>();

        batch.executeWithResult(() -> {
            Story.Recorded recorded = byPayload.get(batch.getMessage().getPayload());
            try {
                projection.on(recorded.event(), recorded.sequence(), recorded.at());
            } catch (IllegalStateException e) {
                rejected.add(recorded.event().getClass().getSimpleName()); // as the dead-letter queue would
            }
            if (batch.isLastMessage()) {
                storedBeforeCommit.add(jdbc.queryForObject("SELECT count(*) FROM agreement_state", Long.class));
            }
            return null;
        });

        assertThat(rejected).containsExactly("BoundaryAccepted");
        assertThat(storedBeforeCommit).containsExactly(0L);
        String firstBatched = document(first);
        String secondBatched = document(second);
        assertThat(progress.lastApplied(Projections.AGREEMENT_STATE, first.agreementId)).isEqualTo(3);
        assertThat(progress.lastApplied(Projections.AGREEMENT_STATE, second.agreementId)).isEqualTo(2);
        assertThat(seenAs(second.agreementId, Caller.of("ben"))).contains(AccessRole.PARTNER);

        projection.reset();
        feed(first);
        second.events.subList(0, 3).forEach(e -> projection.on(e.event(), e.sequence(), e.at()));
        assertThat(document(first)).isEqualTo(firstBatched);
        assertThat(document(second)).isEqualTo(secondBatched);
    }

    @Test
    void aReadAnswersTheSealedWholeDocumentAsStoredAndReadsRowsFromBeforeItTheSame() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("Whole and sealed", "P30D"));
        feed(story);
        assertThat(jdbc.queryForObject("SELECT sealed IS NULL AND sealed_document LIKE 's1:%' FROM agreement_state",
                Boolean.class)).as("the whole document, sealed; nothing sealed apart").isTrue();
        VisibleAgreement visible = gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, null).join();
        String answered = states.document(visible).orElseThrow();
        assertThat(answered).contains("Whole and sealed").contains("\"ada\"");
        AgreementState folded = states.find(story.agreementId).orElseThrow();
        assertThat(folded.outlineOnly).isFalse();
        assertThat(ProjectionJson.mapper().valueToTree(folded).toString()).isEqualTo(answered);

        // a row as written before V34: the values the outline left out, sealed apart, and no whole document
        DocumentOutline.Split split = DocumentOutline.split(folded);
        String apart = keys.opening(story.agreementId.value()).orElseThrow().seal(split.hidden().toString(),
                SealContext.column(story.agreementId.value(), AgreementStateRepository.TABLE, "sealed"));
        jdbc.update("UPDATE agreement_state SET sealed = ?, sealed_document = NULL", apart);
        assertThat(states.document(visible).orElseThrow()).isEqualTo(answered);
        assertThat(ProjectionJson.mapper().valueToTree(states.find(story.agreementId).orElseThrow()).toString())
                .isEqualTo(answered);

        // its next event writes it whole again
        story.then(new PartnerInvited(story.agreementId, ADA, PartnerId.of("cy")));
        projection.on(story.last().event(), story.last().sequence(), story.last().at());
        assertThat(jdbc.queryForObject("SELECT sealed IS NULL AND sealed_document IS NOT NULL FROM agreement_state",
                Boolean.class)).isTrue();
    }

    /** The stored document, opened (each write seals it afresh, so its ciphertext differs every time). */
    private String document(Story story) {
        return ProjectionJson.mapper().valueToTree(states.find(story.agreementId).orElseThrow()).toString();
    }
}
