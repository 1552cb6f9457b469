package org.sharedagreements.app.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.sharedagreements.app.crypto.DataKeyStore;
import org.sharedagreements.app.crypto.SealedSnapshotSerializer;
import org.sharedagreements.sealing.CheckpointSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Axon's JDBC auto-configuration builds the token store; this adjusts what does not fit PostgreSQL out of the box,
 * and builds the event storage engine itself.
 * <ul>
 *   <li>The engine: Axon's {@link JdbcEventStorageEngine}, configured as the auto-configuration would, but the
 *   {@link CheckpointingEventStorageEngine} subclass, which signs a checkpoint of every agreement's new head in
 *   the transaction of each append (the auto-configuration offers no hook after the insert).</li>
 *   <li>The schemas: Axon's JDBC defaults are camelCase names, which PostgreSQL folds to lower case; ours are the
 *   snake_case tables of {@code V1__event_store.sql}.</li>
 *   <li>Duplicate keys: pgjdbc reports a unique violation as SQLState 23505, which Axon's default resolver does not
 *   recognise, so two concurrent appends to one agreement would surface as a generic storage error instead of
 *   the concurrency conflict they are.</li>
 *   <li>Event handler failures: Axon's default logs and skips them, so a projection would drift silently. Here
 *   they propagate, so the processor retries (or dead-letters, where a queue is configured) instead.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotSettings.class)
public class AxonStorageConfiguration {

    /** SQLState of a unique-constraint violation in PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }

    /**
     * As {@code JdbcAutoConfiguration#eventStorageEngine} builds it, with checkpoints (see the class comment) and
     * with snapshots sealed under their agreement's data key ({@link SealedSnapshotSerializer}): a snapshot is the
     * aggregate's state, partner and counsellor ids included.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 CheckpointSigner checkpointSigner, DataKeyStore keys) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(new SealedSnapshotSerializer(defaultSerializer, keys))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        return new CheckpointingEventStorageEngine(builder, transactionManager, checkpointSigner, Clock.systemUTC());
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Long-lived agreements collect many events; loading them all for every command slows commands down
     * (measured on this stack: ~500/s at the start, ~110/s at 1,250 events without snapshots). A snapshot every
     * 100 events keeps loading short. The aggregate holds no free text, and its snapshots are sealed (partner ids).
     */
    @Bean
    public SnapshotTriggerDefinition agreementSnapshotTrigger(Snapshotter snapshotter, SnapshotSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotEvery());
    }

    @Autowired
    public void neverSkipHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }
}
