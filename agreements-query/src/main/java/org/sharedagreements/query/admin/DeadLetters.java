package org.sharedagreements.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The projections' parked events: listed for operators from the dead-letter table's columns (the serialized
 * event is never read, so no content is decrypted for this), and retried through Axon's dead-letter processor,
 * which applies a parked sequence in order and takes it off the queue only if every event of it now applies; an
 * event that fails again stays parked with its new cause. Parked sequences are also retried on a schedule
 * ({@code agreements.query.dead-letter-retry-interval}, 10 minutes), so a failure that was passing heals without
 * an operator.
 * <p>
 * While an agreement is parked its read models stop at a consistent point and only its partners see it
 * ({@link org.sharedagreements.kernel.access.AccessPolicy}): a parked revocation or erasure fails closed.
 */
@QuerySide
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcTemplate jdbc;
    private final DeadLetterSchema schema;
    private final EventProcessingConfiguration processing;

    public DeadLetters(JdbcTemplate jdbc, DeadLetterSchema schema, EventProcessingConfiguration processing) {
        this.jdbc = Objects.requireNonNull(jdbc, "dead letters are read with a JdbcTemplate");
        this.schema = Objects.requireNonNull(schema, "dead letters need the dead-letter table's schema");
        this.processing = Objects.requireNonNull(processing, "dead letters are retried by the event processing");
    }

    /** Every parked event of every projection, oldest first. */
    public List<ParkedEvent> list() {
        return jdbc.query("SELECT " + String.join(", ", schema.deadLetterIdentifierColumn(),
                        schema.processingGroupColumn(), schema.sequenceIdentifierColumn(), schema.payloadTypeColumn(),
                        schema.sequenceNumberColumn(), schema.causeTypeColumn(), schema.enqueuedAtColumn(),
                        schema.lastTouchedColumn())
                        + " FROM " + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn()
                        + " IN (" + String.join(", ", Projections.ALL.stream().map(p -> "?").toList()) + ")"
                        + " ORDER BY " + schema.enqueuedAtColumn() + ", " + schema.sequenceIndexColumn(),
                (rs, row) -> new ParkedEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        simpleName(rs.getString(4)), (Long) rs.getObject(5), simpleName(rs.getString(6)),
                        rs.getString(7), rs.getString(8)),
                Projections.ALL.toArray());
    }

    /** Retries every parked sequence of every projection once. */
    public RetryOutcome retryAll() {
        int tried = 0;
        int applied = 0;
        for (String projection : Projections.ALL) {
            List<String> agreements = jdbc.queryForList("SELECT DISTINCT " + schema.sequenceIdentifierColumn()
                            + " FROM " + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?",
                    String.class, projection);
            for (String agreement : agreements) {
                tried++;
                if (process(projection, agreement)) {
                    applied++;
                }
            }
        }
        return new RetryOutcome(tried, applied, parkedSequences());
    }

    /**
     * Retries the parked events of one agreement in one projection; empty when there are none (no such projection,
     * or nothing of that agreement parked).
     */
    public Optional<RetryOutcome> retry(String projection, String agreementId) {
        if (!Projections.ALL.contains(projection) || !queue(projection).map(q -> q.contains(agreementId)).orElse(false)) {
            return Optional.empty();
        }
        boolean applied = process(projection, agreementId) && !queue(projection).map(q -> q.contains(agreementId))
                .orElse(false);
        return Optional.of(new RetryOutcome(1, applied ? 1 : 0, parkedSequences()));
    }

    /** How many sequences (agreements) the projection has parked. */
    public long parkedSequences(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
    }

    public void retryOnSchedule() {
        try {
            if (parkedSequences() > 0) {
                RetryOutcome outcome = retryAll();
                log.info("Retried {} parked sequences: {} applied, {} still parked", outcome.tried(),
                        outcome.applied(), outcome.stillParked());
            }
        } catch (RuntimeException e) {
            log.warn("Retrying parked events failed: {}", e.toString());
        }
    }

    private boolean process(String projection, String agreementId) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(projection);
        return processor.isPresent() && processor.get().process(letter -> agreementId.equals(sequenceOf(letter)));
    }

    private long parkedSequences() {
        return Projections.ALL.stream().mapToLong(this::parkedSequences).sum();
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }
}
