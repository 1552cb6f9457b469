package org.sharedagreements.app.query;

import org.sharedagreements.kernel.PrivateText;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.query.projection.Projections;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every projection runs in a pooled streaming processor with tokens in PostgreSQL and a JDBC dead-letter queue,
 * and an event a projection cannot apply is parked there, not logged and skipped.
 */
class ProjectionWiringTest extends ApiTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    @Test
    void everyProjectionRunsInTheOnePooledStreamingProcessorWithAJdbcDeadLetterQueueOfItsOwn() {
        PooledStreamingEventProcessor processor = processing.eventProcessor(Projections.PROCESSOR,
                PooledStreamingEventProcessor.class).orElseThrow();
        assertThat(processor.isRunning()).isTrue();
        for (String projection : Projections.ALL) {
            assertThat(processing.eventProcessorByProcessingGroup(projection)).as(projection).containsSame(processor);
            assertThat(processing.deadLetterQueue(projection)).as(projection).get()
                    .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        }
        Long tokens = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Long.class,
                Projections.PROCESSOR);
        assertThat(tokens).as("segments claimed through the JDBC token store").isPositive();
    }

    @Test
    void anEventAProjectionCannotApplyIsDeadLetteredNotSkipped() {
        AgreementId agreementId = AgreementId.random();
        // consent withdrawn from a boundary the agreement never had: the state fold refuses it
        eventStore.publish(new GenericDomainEventMessage<>("Agreement", agreementId.toString(), 0,
                new ConsentWithdrawn(agreementId, PartnerId.of("ada"), BoundaryId.random(), 1, PrivateText.of(""))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT processing_group FROM dead_letter_entry WHERE aggregate_identifier = ?", String.class,
                agreementId.toString())).containsExactly(Projections.AGREEMENT_STATE));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM agreement_state WHERE agreement_id = ?", Long.class,
                agreementId.value())).isZero();
        assertThat(processing.deadLetterQueue(Projections.AGREEMENT_STATE).orElseThrow()
                .contains(agreementId.toString())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM timeline_event WHERE agreement_id = ?", Long.class, agreementId.value()) == 1);
    }
}
