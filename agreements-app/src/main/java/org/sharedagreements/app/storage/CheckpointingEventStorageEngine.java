package org.sharedagreements.app.storage;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Axon's JDBC storage engine that also signs a checkpoint of every agreement it appends to, in the same
 * transaction as the append: after the insert (whose trigger, V21, stored each new event's hash) it reads the
 * new head hash of each agreement touched in one query and inserts one signed {@link Checkpoint} per agreement
 * into {@code chain_checkpoint} (V28) in one batch. Only the latest sequence of each agreement is signed; the
 * events before it in the same append are covered by its hash. Events are never stored without their
 * checkpoint: if signing or the insert fails, the append rolls back.
 *
 * <p>The engine's reads and inserts share the connection of the surrounding transaction: the command's unit of
 * work runs in a Spring transaction, {@link TransactionManager#executeInTransaction} joins it, and Axon's
 * {@code ConnectionProvider} ({@code UnitOfWorkAwareConnectionProviderWrapper} around
 * {@code SpringDataSourceConnectionProvider}) hands out the connection bound to it.
 */
public class CheckpointingEventStorageEngine extends JdbcEventStorageEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointingEventStorageEngine.class);
    /** Each new head's hash, and the sequence of the agreement's last checkpoint before this append (null: none). */
    private static final String HEADS = "SELECT e.aggregate_identifier, e.sequence_number, e.hash, "
            + "(SELECT max(c.sequence_number) FROM chain_checkpoint c WHERE c.agreement_id = e.aggregate_identifier::uuid) "
            + "FROM domain_event_entry e WHERE (e.aggregate_identifier, e.sequence_number) IN (";
    private static final String INSERT = "INSERT INTO chain_checkpoint "
            + "(agreement_id, sequence_number, head_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)";

    private final TransactionManager transactionManager;
    private final CheckpointSigner signer;
    private final Clock clock;

    /**
     * @param builder            Axon's builder, configured as for a plain {@link JdbcEventStorageEngine}
     * @param transactionManager the transaction manager given to the builder as well
     * @param signer             signs each checkpoint
     * @param clock              when checkpoints are signed (the real time, not a demo clock)
     */
    public CheckpointingEventStorageEngine(Builder builder, TransactionManager transactionManager,
                                           CheckpointSigner signer, Clock clock) {
        super(builder);
        this.transactionManager = Objects.requireNonNull(transactionManager,
                "the checkpointing engine needs the transaction manager it appends in");
        this.signer = Objects.requireNonNull(signer, "the checkpointing engine needs a checkpoint signer");
        this.clock = Objects.requireNonNull(clock, "the checkpointing engine needs a clock");
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            Map<String, Long> heads = heads(events);
            if (!heads.isEmpty()) {
                checkpoint(heads, firsts(events));
            }
        });
    }

    /** The last sequence appended to each agreement (aggregates with UUID identifiers; nothing else is a chain). */
    static Map<String, Long> heads(List<? extends EventMessage<?>> events) {
        Map<String, Long> heads = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && isAgreementId(domain.getAggregateIdentifier())) {
                heads.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
            }
        }
        return heads;
    }

    /** The first sequence appended to each agreement. */
    static Map<String, Long> firsts(List<? extends EventMessage<?>> events) {
        Map<String, Long> firsts = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && isAgreementId(domain.getAggregateIdentifier())) {
                firsts.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::min);
            }
        }
        return firsts;
    }

    private static boolean isAgreementId(String identifier) {
        if (identifier == null) {
            return false;
        }
        try {
            return UUID.fromString(identifier).toString().equals(identifier);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Signs the new head of each agreement, unless the agreement's last checkpoint is not at the event just before
     * this append: then someone outside the service changed its chain (appended events, or deleted checkpoints
     * along with the events they covered), and signing the new head would vouch for their events too. The append
     * is stored unsigned, so verification keeps naming the first event no checkpoint vouches for, and it is logged.
     */
    private void checkpoint(Map<String, Long> heads, Map<String, Long> firsts) {
        Instant signedAt = clock.instant();
        try (Connection connection = getConnection()) {
            List<Checkpoint> checkpoints = new ArrayList<>(heads.size());
            Map<String, Head> found = headHashes(connection, heads);
            if (found.size() != heads.size()) {
                throw new EventStoreException("the chain trigger stored no hash for the head of " + heads.keySet()
                        + ": no checkpoint can be signed");
            }
            for (Map.Entry<String, Head> head : found.entrySet()) {
                String[] position = head.getKey().split("@", 2);
                long first = firsts.get(position[0]);
                Long anchored = head.getValue().lastCheckpoint();
                if (anchored == null ? first != 0 : anchored != first - 1) {
                    LOG.warn("Not signing agreement {} at {}: its last checkpoint is at {}, not at {}; its chain was "
                            + "changed outside the service", position[0], position[1], anchored, first - 1);
                    continue;
                }
                checkpoints.add(signer.sign(UUID.fromString(position[0]), Long.parseLong(position[1]),
                        head.getValue().hash(), signedAt));
            }
            if (checkpoints.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Checkpoint checkpoint : checkpoints) {
                    insert.setObject(1, checkpoint.agreementId());
                    insert.setLong(2, checkpoint.sequence());
                    insert.setString(3, checkpoint.headHash());
                    insert.setObject(4, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
                    insert.setString(5, checkpoint.keyId());
                    insert.setString(6, checkpoint.signature());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new EventStoreException("Failed to store the checkpoints of " + heads.keySet(), e);
        }
    }

    /** A new head's stored hash, and the sequence of the agreement's last checkpoint before it (null: none). */
    private record Head(String hash, Long lastCheckpoint) {
    }

    /** {@code "agreementId@sequence"} to the stored hash of that event, for every head that has one; one query. */
    private static Map<String, Head> headHashes(Connection connection, Map<String, Long> heads) throws SQLException {
        String sql = HEADS + String.join(", ", Collections.nCopies(heads.size(), "(?, ?)")) + ")";
        Map<String, Head> hashes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (Map.Entry<String, Long> head : heads.entrySet()) {
                select.setString(parameter++, head.getKey());
                select.setLong(parameter++, head.getValue());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String hash = rows.getString(3);
                    if (hash != null) {
                        long last = rows.getLong(4);
                        Long lastCheckpoint = rows.wasNull() ? null : last;
                        hashes.put(rows.getString(1) + "@" + rows.getLong(2), new Head(hash.trim(), lastCheckpoint));
                    }
                }
            }
        }
        return hashes;
    }
}
