package org.sharedagreements.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.query.support.ReadModelDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's JDBC dead-letter queue works on the migrated {@code dead_letter_entry} with our snake_case schema. */
class DeadLetterTableTest {

    private JdbcTemplate jdbc;
    private JdbcSequencedDeadLetterQueue<EventMessage<?>> queue;

    @BeforeEach
    void queue() {
        jdbc = ReadModelDatabase.emptied();
        DataSource dataSource = ReadModelDatabase.dataSource();
        ConnectionProvider connections = dataSource::getConnection;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        queue = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(Projections.AGREEMENT_STATE)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new ProjectionConfiguration().deadLetterSchema())
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    @Test
    void aFailedEventIsParkedAndReadBack() {
        AgreementId agreementId = AgreementId.random();
        EventMessage<?> event = new GenericDomainEventMessage<>("Agreement", agreementId.toString(), 2,
                new PartnerJoined(agreementId, org.sharedagreements.kernel.PartnerId.of("ben")));
        queue.enqueue(agreementId.toString(), new GenericDeadLetter<EventMessage<?>>(agreementId.toString(), event,
                new IllegalStateException("agreement has no boundary")));

        assertThat(queue.contains(agreementId.toString())).isTrue();
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(agreementId.toString()).forEach(letters::add);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).message().getPayload()).isEqualTo(event.getPayload());
        assertThat(letters.get(0).cause()).map(Cause::message).contains("agreement has no boundary");
        assertThat(jdbc.queryForObject("SELECT processing_group FROM dead_letter_entry", String.class))
                .isEqualTo(Projections.AGREEMENT_STATE);
    }
}
