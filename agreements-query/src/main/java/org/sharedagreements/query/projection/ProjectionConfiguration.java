package org.sharedagreements.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.sharedagreements.query.QuerySide;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the projections run, set here rather than by the defaults, each for a reason:
 * <ul>
 *   <li>One pooled streaming processor for the three projections (Axon's default is a tracking processor per
 *   processing group): segments are claimed through the JDBC token store, so several query nodes share the work
 *   and take over from a node that dies; and each event is read and deserialized once, not once per projection
 *   (measured with the benchmark's rebuild, README "Performance").</li>
 *   <li>A JDBC dead-letter queue per projection: Axon's default error handling logs a failing event and skips
 *   it, so a projection would silently drift. A dead-lettered event also parks the later events of its agreement
 *   (the sequencing policy is per aggregate), so that agreement's read model stops at a consistent point.</li>
 *   <li>A {@link PromptEventSource} in front of the event store, so a processor learns of a committed append at
 *   once instead of at its next 500 ms poll.</li>
 *   <li>Batches of up to 500 events (Axon's default is 1): a batch is one transaction, and the projections write
 *   each agreement's rows once per batch ({@link ProjectionBatch}). A processor does not wait for a batch to
 *   fill; it handles what is there. (Benchmark rebuild of 111,000 events: 8,800 ev/s at 100, 12,700 at 500,
 *   11,400 at 1,000.)</li>
 *   <li>The dead-letter queue's sequence identifier cache: without it, every event costs a query asking whether its
 *   agreement already has dead letters.</li>
 *   <li>A snake_case {@link DeadLetterSchema}: Axon's default names are camelCase, which PostgreSQL folds; the
 *   table is {@code dead_letter_entry} of the {@code V10__read_models.sql} migration.</li>
 * </ul>
 */
@QuerySide
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
public class ProjectionConfiguration {

    @Bean
    public ProjectionProgress projectionProgress(JdbcTemplate jdbc) {
        return new ProjectionProgress(jdbc);
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /** See {@link PromptEventSource}: without it, projections lag commands by up to the processor's 500 ms poll. */
    @Bean(destroyMethod = "close")
    public PromptEventSource projectionEventSource(EventStore eventStore, ProjectionSettings settings) {
        return new PromptEventSource(eventStore, settings.eventsRecheck());
    }

    @Bean
    public ConfigurerModule projectionProcessors(ObjectProvider<PromptEventSource> eventSource,
                                                 ObjectProvider<ConnectionProvider> connectionProvider,
                                                 ObjectProvider<TransactionManager> transactionManager,
                                                 DeadLetterSchema deadLetterSchema,
                                                 ProjectionSettings settings) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.registerPooledStreamingEventProcessor(Projections.PROCESSOR,
                    config -> eventSource.getObject(),
                    (config, builder) -> builder.initialSegmentCount(settings.segments())
                            .batchSize(settings.batchSize()));
            for (String projection : Projections.ALL) {
                processing.assignProcessingGroup(projection, Projections.PROCESSOR);
                // the dead-letter queue only sees a handler's failure if the error handler passes it on
                processing.registerListenerInvocationErrorHandler(projection, config -> PropagatingErrorHandler.instance());
                processing.registerDeadLetterQueue(projection, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(projection)
                        .connectionProvider(connectionProvider.getObject())
                        .transactionManager(transactionManager.getObject())
                        .schema(deadLetterSchema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build());
                // a failure's message may quote content: the queue keeps its class and place only
                processing.registerDeadLetterPolicy(projection, config -> new ContentFreeFailures());
                // without it, every event costs a query asking whether its agreement has dead letters
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                        (config, builder) -> builder.enableSequenceIdentifierCache());
            }
        });
    }
}
