package org.sharedagreements.query.integrity;

import io.micrometer.core.instrument.MeterRegistry;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Objects;

/**
 * Reads agreements' events exactly as stored in Axon's event table, with the hash the database stored with each.
 * Every read of that table by the integrity and audit endpoints lives here; nothing here writes to it.
 */
@QuerySide
@Repository
public class EventChainStore {

    private static final String COLUMNS = "SELECT sequence_number, payload_type, time_stamp, payload, hash "
            + "FROM domain_event_entry ";

    static final String FAILURES = "agreements.verification.failures";

    private final JdbcTemplate jdbc;
    private final ObjectProvider<MeterRegistry> meters;

    public EventChainStore(JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
        this.jdbc = Objects.requireNonNull(jdbc, "the event chain store needs a JdbcTemplate");
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

    /** Verifies the agreement's chain; a chain that does not verify is counted ({@value #FAILURES}), for alerting. */
    public Verification verify(VisibleAgreement agreement) {
        String agreementId = agreement.agreementId().toString();
        Verification verification = ChainVerifier.verify(agreementId, events(agreementId));
        if (!verification.valid()) {
            meters.ifAvailable(registry -> registry.counter(FAILURES).increment());
        }
        return verification;
    }
}
