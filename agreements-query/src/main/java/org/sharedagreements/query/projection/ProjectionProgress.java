package org.sharedagreements.query.projection;

import org.sharedagreements.kernel.AgreementId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Owns {@code projection_progress}: for each projection and agreement, the sequence number of the last event of
 * that agreement the projection applied. A projection reads it before applying an event and skips events at or
 * below it, so redelivered events (a segment taken over by another node, a retried batch) change nothing; it
 * advances it in the same transaction as its own writes, as the last write of the event.
 */
public class ProjectionProgress {

    /** What {@link #lastApplied} answers for an agreement the projection has not seen. */
    public static final long NOTHING_APPLIED = -1;

    static final String TABLE = "projection_progress";

    private final JdbcTemplate jdbc;
    /** The table written and read: {@value #TABLE}, or its shadow while a rebuild writes that. */
    private final String table;

    public ProjectionProgress(JdbcTemplate jdbc) {
        this(jdbc, TABLE);
    }

    private ProjectionProgress(JdbcTemplate jdbc, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "projection progress needs a JdbcTemplate");
        this.table = ReadModelTables.check(TABLE, table);
    }

    /** The progress a rebuild records in the table's shadow ({@link ReadModelTables}) as it fills the others'. */
    public ProjectionProgress shadow() {
        return new ProjectionProgress(jdbc, ReadModelTables.shadowOf(TABLE));
    }

    public long lastApplied(String projection, AgreementId agreementId) {
        List<Long> found = jdbc.queryForList(
                "SELECT last_sequence FROM " + table + " WHERE projection = ? AND agreement_id = ?",
                Long.class, projection, agreementId.value());
        return found.isEmpty() ? NOTHING_APPLIED : found.get(0);
    }

    /** True when the projection applied the agreement's event {@code sequence} (and so every event before it). */
    public boolean hasApplied(String projection, AgreementId agreementId, long sequence) {
        return lastApplied(projection, agreementId) >= sequence;
    }

    /** Records that the projection applied the agreement's event {@code sequence}; never moves backwards. */
    public void advance(String projection, AgreementId agreementId, long sequence) {
        advanceAll(projection, Map.of(agreementId, sequence));
    }

    /**
     * Records, for each agreement in {@code sequences}, that the projection applied its events up to the given
     * sequence: the same as {@link #advance} for each of them, in one round trip.
     */
    public void advanceAll(String projection, Map<AgreementId, Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        relaxDurability();
        jdbc.batchUpdate("""
                        INSERT INTO %s AS p (projection, agreement_id, last_sequence) VALUES (?, ?, ?)
                        ON CONFLICT (projection, agreement_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                        WHERE p.last_sequence < EXCLUDED.last_sequence""".formatted(table),
                sequences.entrySet().stream()
                        .map(e -> new Object[]{projection, e.getKey().value(), e.getValue()}).toList());
    }

    /**
     * Lets the batch's transaction commit without waiting for its WAL record to reach the disk. A read model can
     * afford that, the events cannot: the rows, the progress and the processor's token are in this one transaction,
     * so a crash can only lose whole batches (the last few hundred milliseconds), which are then applied again from
     * the token. Readers see a batch as soon as it commits either way.
     */
    private void relaxDurability() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        }
    }

    /** Forgets everything the projection applied (its reset handler empties its tables too). */
    public void clear(String projection) {
        jdbc.update("DELETE FROM " + table + " WHERE projection = ?", projection);
    }
}
