package org.sharedagreements.query.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads agreements' events exactly as stored in Axon's event table, with the hash the database stored with each,
 * and their signed checkpoints ({@code chain_checkpoint}, written by the storage engine as events are appended).
 * Every read of those tables by the integrity and audit endpoints lives here; nothing here writes to them.
 */
@QuerySide
@Repository
public class EventChainStore {

    private static final String COLUMNS = "SELECT sequence_number, payload_type, time_stamp, payload, hash "
            + "FROM domain_event_entry ";

    static final String FAILURES = "agreements.verification.failures";

    private static final String CHECKPOINTS = "SELECT sequence_number, head_hash, signed_at, key_id, signature "
            + "FROM chain_checkpoint WHERE agreement_id = ? ORDER BY sequence_number";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final VerifiedCheckpoints genuine;
    private final ObjectProvider<MeterRegistry> meters;

    public EventChainStore(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                           CheckpointVerifier checkpointKey, ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
        this.jdbc = Objects.requireNonNull(jdbc, "the event chain store needs a JdbcTemplate");
        this.genuine = new VerifiedCheckpoints(Objects.requireNonNull(checkpointKey,
                "the event chain store needs the checkpoint key"));
        this.snapshot = new TransactionTemplate(Objects.requireNonNull(transactions,
                "the event chain store needs a transaction manager"));
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * Every stored event and checkpoint of the agreement, in sequence order, read in one snapshot (PostgreSQL's
     * repeatable read): an append that commits between the two reads shows in neither.
     */
    public StoredChain chain(VisibleAgreement agreement) {
        String agreementId = agreement.agreementId().toString();
        return snapshot.execute(status -> new StoredChain(events(agreementId), checkpoints(agreementId)));
    }

    private List<StoredCheckpoint> checkpoints(String agreementId) {
        return jdbc.query(CHECKPOINTS, (rs, n) -> {
            OffsetDateTime signedAt = rs.getObject(3, OffsetDateTime.class);
            return new StoredCheckpoint(rs.getLong(1), trimmed(rs.getString(2)),
                    signedAt == null ? null : signedAt.toInstant(), rs.getString(4), rs.getString(5));
        }, UUID.fromString(agreementId));
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    /** Every stored event of the agreement in sequence order. */
    public List<StoredEvent> events(VisibleAgreement agreement) {
        return events(agreement.agreementId().toString());
    }

    private List<StoredEvent> events(String agreementId) {
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)), agreementId);
    }

    /** The agreement's stored events up to and including {@code lastSequence}, in sequence order. */
    public List<StoredEvent> eventsUpTo(VisibleAgreement agreement, long lastSequence) {
        String agreementId = agreement.agreementId().toString();
        return jdbc.query(COLUMNS + "WHERE aggregate_identifier = ? AND sequence_number <= ? ORDER BY sequence_number",
                (rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)), agreementId, lastSequence);
    }

    /** The sequence number of the agreement's last stored event, or -1 when it has none. */
    public long lastSequence(VisibleAgreement agreement) {
        Long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, agreement.agreementId().toString());
        return last == null ? -1 : last;
    }

    /**
     * The chain heads of up to {@code limit} agreements whose id sorts after {@code after} (from the first when
     * null), ordered by agreement id so a client can page through all of them.
     */
    public List<ChainHead> heads(String after, int limit) {
        return jdbc.query("""
                        SELECT c.aggregate_identifier, c.events, e.hash, e.time_stamp
                        FROM (SELECT aggregate_identifier, count(*) AS events, max(sequence_number) AS last
                              FROM domain_event_entry
                              WHERE aggregate_identifier > ?
                              GROUP BY aggregate_identifier
                              ORDER BY aggregate_identifier
                              LIMIT ?) c
                        JOIN domain_event_entry e
                          ON e.aggregate_identifier = c.aggregate_identifier AND e.sequence_number = c.last
                        ORDER BY c.aggregate_identifier""",
                (rs, n) -> {
                    String at = HashChain.at(rs.getString(4));
                    return new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3),
                            at == null ? rs.getString(4) : at);
                }, after == null ? "" : after, limit);
    }

    /**
     * Verifies the agreement's chain against the formula and its signed checkpoints (see {@link ChainVerifier}); a
     * chain that does not verify is counted ({@value #FAILURES}), for alerting.
     */
    public Verification verify(VisibleAgreement agreement) {
        return check(agreement).verification();
    }

    /**
     * The verification of {@link #verify}, with each stored checkpoint as judged: signed by the published key or
     * not, and still matching the stored chain or not (what the auditor's page lists), from the same snapshot.
     */
    public CheckedChain check(VisibleAgreement agreement) {
        String agreementId = agreement.agreementId().toString();
        StoredChain chain = chain(agreement);
        Verification verification = ChainVerifier.verify(agreementId, chain.events(), chain.checkpoints(), genuine);
        if (!verification.valid()) {
            meters.ifAvailable(registry -> registry.counter(FAILURES).increment());
        }
        UUID uuid = agreement.agreementId().value();
        Map<Long, String> storedHashes = new HashMap<>();
        chain.events().forEach(event -> storedHashes.putIfAbsent(event.sequence(), event.storedHash()));
        List<CheckedCheckpoint> checked = chain.checkpoints().stream()
                .sorted(Comparator.comparingLong(StoredCheckpoint::sequence))
                .map(stored -> {
                    Checkpoint claimed = stored.claimed(uuid);
                    return new CheckedCheckpoint(SignedCheckpoint.of(agreementId, stored),
                            claimed != null && genuine.test(claimed),
                            stored.headHash() != null && stored.headHash().equals(storedHashes.get(stored.sequence())));
                }).toList();
        return new CheckedChain(verification, checked);
    }
}
