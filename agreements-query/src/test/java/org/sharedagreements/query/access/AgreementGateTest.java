package org.sharedagreements.query.access;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.query.agreement.AgreementStateProjection;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.projection.ProjectionConfiguration;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.sharedagreements.query.support.TestSeals;
import org.sharedagreements.query.support.Story;
import org.sharedagreements.query.timeline.TimelineAppended;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The read side's one gate, on PostgreSQL: who sees an agreement through which endpoints, how {@code minVersion}
 * waits wake on the projections' signal instead of polling, and that a caller who may not see an agreement gets
 * the answer, at the time, of an agreement that does not exist.
 */
class AgreementGateTest {

    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private JdbcTemplate jdbc;
    private TimelineSignals signals;
    private ProjectionProgress progress;
    private AgreementStateProjection projection;
    private AgreementGate gate;
    private Story story;

    @BeforeEach
    void aFormedAgreementWithAGrantedCounsellor() {
        jdbc = ReadModelDatabase.emptied();
        signals = new TimelineSignals();
        progress = new ProjectionProgress(jdbc);
        AgreementAccess access = new AgreementAccess(jdbc, TestSeals.BLIND_INDEX);
        projection = new AgreementStateProjection(new AgreementStateRepository(jdbc, TestSeals.fresh()), access,
                progress);
        gate = new AgreementGate(access, signals, new GateSettings(TIMEOUT, 2, 16, 2));
        story = Story.formed();
        CounsellorId carol = CounsellorId.of("carol");
        story.then(new CounsellorAccessRequested(story.agreementId, Story.ADA, carol))
                .then(new CounsellorAccessGranted(story.agreementId, Story.BEN, carol));
        story.events.forEach(e -> projection.on(e.event(), e.sequence(), e.at()));
    }

    @AfterEach
    void closeGate() {
        gate.destroy();
    }

    @Test
    void partnersAndGrantedCounsellorsSeeTheAgreementAtOnceAuditorsOnlyThroughTheirEndpoints() {
        assertThat(gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, null).join().role())
                .isEqualTo(AccessRole.PARTNER);
        assertThat(gate.open(story.agreementId, Caller.of("carol", Role.COUNSELLOR), Audience.PARTNERS, null).join()
                .role()).isEqualTo(AccessRole.COUNSELLOR);
        assertThat(gate.open(story.agreementId, Caller.of("audrey", Role.AUDITOR), Audience.AUDITORS, null).join()
                .role()).isEqualTo(AccessRole.AUDITOR);
        assertNotFound(gate.open(story.agreementId, Caller.of("audrey", Role.AUDITOR), Audience.PARTNERS, null));
        assertNotFound(gate.open(story.agreementId, Caller.of("ada"), Audience.AUDITORS, null));
        assertNotFound(gate.open(story.agreementId, Caller.of("carol"), Audience.PARTNERS, null));
        assertNotFound(gate.open(story.agreementId, Caller.of("mallory"), Audience.PARTNERS, null));
        assertNotFound(gate.open(AgreementId.random(), Caller.of("audrey", Role.AUDITOR), Audience.AUDITORS, null));
    }

    @Test
    void aWaitWakesOnTheProjectionsSignalNotByPolling() {
        long next = story.last().sequence() + 1;
        CompletableFuture<VisibleAgreement> waiting =
                gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, next);
        assertThat(waiting).isNotDone();

        // the read model advances without a signal: nobody looks until the signal comes
        story.then(new PartnerJoined(story.agreementId, Story.BEN));
        projection.on(story.last().event(), story.last().sequence(), story.last().at());
        assertThat(catchThrowable(() -> waiting.get(TIMEOUT.toMillis() / 3, TimeUnit.MILLISECONDS)))
                .as("no polling").isNotNull();

        signals.publish(new TimelineAppended(story.agreementId, next));
        assertThat(waiting.orTimeout(TIMEOUT.toMillis() / 3, TimeUnit.MILLISECONDS).join().role())
                .isEqualTo(AccessRole.PARTNER);
        await().atMost(Duration.ofSeconds(1)).until(() -> gate.openWaits() == 0);
    }

    @Test
    void aPartnerWhoseReadModelDidNotCatchUpIsToldToRetryAfterTheWait() {
        CompletableFuture<VisibleAgreement> waiting =
                gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, 1000L);
        ErrorResponseException problem = problemOf(waiting);
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aStrangerWaitsAsLongAsForARandomIdAndIsToldTheSame() {
        long started = System.nanoTime();
        CompletableFuture<VisibleAgreement> existing =
                gate.open(story.agreementId, Caller.of("mallory"), Audience.PARTNERS, 0L);
        CompletableFuture<VisibleAgreement> random =
                gate.open(AgreementId.random(), Caller.of("trudy"), Audience.PARTNERS, 0L);
        // the existing agreement advances meanwhile: the stranger's wait looks again and still may not see it
        signals.publish(new TimelineAppended(story.agreementId, story.last().sequence()));

        ErrorResponseException forExisting = problemOf(existing);
        long existingMillis = elapsedMillis(started);
        ErrorResponseException forRandom = problemOf(random);
        long randomMillis = elapsedMillis(started);

        assertThat(forExisting.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(forExisting.getBody().getDetail()).isEqualTo(forRandom.getBody().getDetail());
        assertThat(forRandom.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(existingMillis).isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        assertThat(Math.abs(existingMillis - randomMillis)).isLessThan(200);
    }

    @Test
    void aCallerHoldsAtMostTheirShareOfWaits() {
        List<CompletableFuture<VisibleAgreement>> held = new ArrayList<>();
        held.add(gate.open(AgreementId.random(), Caller.of("greedy"), Audience.PARTNERS, 0L));
        held.add(gate.open(AgreementId.random(), Caller.of("greedy"), Audience.PARTNERS, 0L));
        assertThatThrownBy(() -> gate.open(AgreementId.random(), Caller.of("greedy"), Audience.PARTNERS, 0L))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.getHeaders().getFirst("Retry-After")).isNotBlank();
                });
        assertThat(gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, 0L).join().role())
                .as("others are not held up").isEqualTo(AccessRole.PARTNER);
        held.forEach(wait -> catchThrowable(wait::join));
        await().atMost(Duration.ofSeconds(2)).until(() -> gate.openWaits() == 0);
        assertThat(gate.open(story.agreementId, Caller.of("greedy"), Audience.PARTNERS, 0L))
                .as("places come back when waits end").isNotNull();
    }

    @Test
    void whileAnAgreementIsParkedOnlyItsPartnersSeeIt() {
        park(story.agreementId);

        assertThat(gate.open(story.agreementId, Caller.of("ada"), Audience.PARTNERS, null).join().role())
                .isEqualTo(AccessRole.PARTNER);
        assertNotFound(gate.open(story.agreementId, Caller.of("carol", Role.COUNSELLOR), Audience.PARTNERS, null));
        assertNotFound(gate.open(story.agreementId, Caller.of("audrey", Role.AUDITOR), Audience.AUDITORS, null));
        assertThat(gate.caseloadOf(Caller.of("carol", Role.COUNSELLOR))).isEmpty();
        assertThat(gate.agreementsOf(Caller.of("ada"))).extracting(VisibleAgreement::agreementId)
                .containsExactly(story.agreementId);
        assertThat(gate.hiddenFromAuditors(List.of(story.agreementId.toString(), AgreementId.random().toString())))
                .containsExactly(story.agreementId.toString());
    }

    @Test
    void aListingWaitsForTheNamedAgreementOnlyWhenTheCallerMaySeeIt() {
        long next = story.last().sequence() + 1;
        CompletableFuture<Void> partner = gate.awaitForListing(story.agreementId, Caller.of("ada"),
                Audience.PARTNERS, next);
        assertThat(problemOf(partner).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        long started = System.nanoTime();
        gate.awaitForListing(story.agreementId, Caller.of("mallory"), Audience.PARTNERS, 0L).join();
        assertThat(elapsedMillis(started)).as("a stranger waits the whole time, then gets the listing")
                .isGreaterThanOrEqualTo(TIMEOUT.toMillis());
        assertThat(gate.awaitForListing(story.agreementId, Caller.of("ada"), Audience.PARTNERS, 0L)
                .orTimeout(TIMEOUT.toMillis() / 2, TimeUnit.MILLISECONDS)).succeedsWithin(TIMEOUT);
    }

    @Test
    void aStreamAsksTheGateAgainAndLosesSightWhenTheGrantGoes() {
        VisibleAgreement carol = gate.open(story.agreementId, Caller.of("carol", Role.COUNSELLOR),
                Audience.PARTNERS, null).join();
        assertThat(gate.stillVisible(carol)).isTrue();
        park(story.agreementId);
        assertThat(gate.stillVisible(carol)).isFalse();
    }

    private void park(AgreementId agreementId) {
        ConnectionProvider connections = ReadModelDatabase.dataSource()::getConnection;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcSequencedDeadLetterQueue<EventMessage<?>> queue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(Projections.AGREEMENT_STATE).connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new ProjectionConfiguration().deadLetterSchema())
                .genericSerializer(serializer).eventSerializer(serializer).build();
        EventMessage<?> event = new GenericDomainEventMessage<>("Agreement", agreementId.toString(), 9,
                new PartnerJoined(agreementId, Story.BEN));
        queue.enqueue(agreementId.toString(), new GenericDeadLetter<EventMessage<?>>(agreementId.toString(), event,
                new IllegalStateException("cannot apply")));
    }

    private static void assertNotFound(CompletableFuture<?> answer) {
        assertThat(problemOf(answer).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static ErrorResponseException problemOf(CompletableFuture<?> answer) {
        Throwable failure = catchThrowable(() -> answer.get(TIMEOUT.toMillis() * 5, TimeUnit.MILLISECONDS));
        Throwable cause = failure instanceof CompletionException || failure instanceof java.util.concurrent.ExecutionException
                ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(ErrorResponseException.class);
        return (ErrorResponseException) cause;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
