package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.access.Standing;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.sealing.BlindIndex;
import org.sharedagreements.query.projection.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Owns {@code agreement_access}: one row per partner and per counsellor of each agreement with their current
 * status, the person named by blind index only (purpose {@code member} for partners, {@code counsellor} for
 * counsellors), so the table names nobody and the two roles of one person cannot be joined. The agreement-state projection rewrites an agreement's rows from its folded state whenever they change
 * (each row's {@code last_sequence} is the event that last changed the agreement's rows), in the same transaction as the
 * state document, so visibility and state never disagree.
 * <p>
 * It also answers what {@link AgreementGate} needs to decide, in one round trip per question: where a person
 * stands with an agreement, whether the agreement's read models are parked on a dead letter (Axon's
 * {@code dead_letter_entry}, whose sequence identifier is the agreement id), and how far each projection got with
 * it ({@code projection_progress}). Only the gate asks.
 */
@QuerySide
@Repository
public class AgreementAccess {

    /** One person's place in an agreement: role PARTNER (INVITED, JOINED, LEFT) or COUNSELLOR (PENDING, GRANTED, REVOKED). */
    public record Entry(String userId, AccessRole role, String status) {
    }

    /** The rows an agreement's access is to be replaced with, as changed by its event {@code sequence}. */
    public record Replacement(long sequence, List<Entry> entries) {
    }

    /**
     * What the gate reads about one agreement and one person: where they stand, and the last sequence each
     * projection applied (no entry: the projection has not seen the agreement, so as far as it knows there is none).
     */
    record Lookup(Standing standing, Map<String, Long> progress) {

        boolean exists() {
            return progress.containsKey(Projections.AGREEMENT_STATE);
        }

        boolean applied(String projection, long sequence) {
            Long last = progress.get(projection);
            return last != null && last >= sequence;
        }
    }

    /** The projections' processing groups, whose dead letters park an agreement's read models. */
    private static final String PROCESSING_GROUPS =
            String.join(", ", Projections.ALL.stream().map(p -> "'" + p + "'").toList());
    private static final String PARKED = "EXISTS (SELECT 1 FROM dead_letter_entry d WHERE d.processing_group IN ("
            + PROCESSING_GROUPS + ") AND d.sequence_identifier = %s)";

    static final String TABLE = "agreement_access";

    private final JdbcTemplate jdbc;
    private final BlindIndex blindIndex;
    /** The table written: {@value #TABLE}, or its shadow while a rebuild writes that. The gate reads the live one. */
    private final String table;

    @Autowired
    public AgreementAccess(JdbcTemplate jdbc, BlindIndex blindIndex) {
        this(jdbc, blindIndex, TABLE);
    }

    private AgreementAccess(JdbcTemplate jdbc, BlindIndex blindIndex, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "agreement access needs a JdbcTemplate");
        this.blindIndex = Objects.requireNonNull(blindIndex, "agreement access finds people by blind index");
        this.table = ReadModelTables.check(TABLE, table);
    }

    /** The same rows written to the table's shadow ({@link ReadModelTables}), which a rebuild fills. */
    public AgreementAccess shadow() {
        return new AgreementAccess(jdbc, blindIndex, ReadModelTables.shadowOf(TABLE));
    }

    /**
     * Into the shadow: who may see each erased agreement, copied from the live rows. A rebuild cannot find their
     * partners again from the events (see the agreement-state projection's reset), so, as a replay in place keeps
     * those rows, the rebuilt table takes them over as they are: blind indexes, statuses, sequences.
     */
    public void adoptErasedFromLive() {
        if (table.equals(TABLE)) {
            throw new IllegalStateException("only a shadow adopts the live rows of erased agreements");
        }
        jdbc.update("DELETE FROM " + table + " a WHERE EXISTS (SELECT 1 FROM agreement_state s "
                + "WHERE s.agreement_id = a.agreement_id AND s.status = 'ERASED')");
        jdbc.update("INSERT INTO " + table + " (agreement_id, user_index, role, status, last_sequence) "
                + "SELECT a.agreement_id, a.user_index, a.role, a.status, a.last_sequence FROM agreement_access a "
                + "JOIN agreement_state s ON s.agreement_id = a.agreement_id AND s.status = 'ERASED'");
    }

    /** The index a person's row of that role is found by. */
    private String index(String userId, AccessRole role) {
        return blindIndex.index(role == AccessRole.COUNSELLOR ? BlindIndex.Purpose.COUNSELLOR
                : BlindIndex.Purpose.MEMBER, userId);
    }

    /** Replaces the rows of each agreement in {@code replacements} with its entries, in two round trips. */
    public void replaceAll(Map<AgreementId, Replacement> replacements) {
        if (replacements.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM " + table + " WHERE agreement_id = ?",
                replacements.keySet().stream().map(id -> new Object[]{id.value()}).toList());
        jdbc.batchUpdate("""
                        INSERT INTO %s (agreement_id, user_index, role, status, last_sequence)
                        VALUES (?, ?, ?, ?, ?)""".formatted(table),
                replacements.entrySet().stream().flatMap(r -> r.getValue().entries().stream()
                        .map(e -> new Object[]{r.getKey().value(), index(e.userId(), e.role()), e.role().name(), e.status(),
                                r.getValue().sequence()})).toList());
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    /** Deletes every row but those of erased agreements (see the agreement-state projection's reset). */
    public void deleteAllButErased() {
        jdbc.update("DELETE FROM " + table + " a WHERE NOT EXISTS (SELECT 1 FROM agreement_state s "
                + "WHERE s.agreement_id = a.agreement_id AND s.status = 'ERASED')");
    }

    /** Where the person stands with the agreement and how far the projections got with it, in one round trip. */
    Lookup lookup(AgreementId agreementId, String userId) {
        return jdbc.queryForObject("""
                        SELECT (SELECT status FROM agreement_access
                                WHERE agreement_id = ? AND user_index = ? AND role = 'PARTNER'),
                               (SELECT status FROM agreement_access
                                WHERE agreement_id = ? AND user_index = ? AND role = 'COUNSELLOR'),
                               %s,
                               (SELECT string_agg(projection || '=' || last_sequence, ',')
                                FROM projection_progress WHERE agreement_id = ?)""".formatted(PARKED.formatted("?")),
                (rs, row) -> new Lookup(
                        new Standing(membership(rs.getString(1)), grant(rs.getString(2)), rs.getBoolean(3)),
                        progress(rs.getString(4))),
                agreementId.value(), index(userId, AccessRole.PARTNER), agreementId.value(),
                index(userId, AccessRole.COUNSELLOR), agreementId.toString(), agreementId.value());
    }

    /** Where the person stands with each agreement they have a row of, in one round trip. */
    Map<AgreementId, Standing> standingsOf(String userId) {
        Map<AgreementId, Standing> standings = new LinkedHashMap<>();
        jdbc.query("SELECT a.agreement_id, a.role, a.status, " + PARKED.formatted("a.agreement_id::text")
                        + " FROM agreement_access a WHERE (a.user_index = ? AND a.role = 'PARTNER')"
                        + " OR (a.user_index = ? AND a.role = 'COUNSELLOR')",
                rs -> {
                    AgreementId agreementId = new AgreementId(rs.getObject(1, java.util.UUID.class));
                    Standing known = standings.getOrDefault(agreementId, Standing.stranger());
                    boolean partner = AccessRole.PARTNER.name().equals(rs.getString(2));
                    standings.put(agreementId, new Standing(
                            partner ? membership(rs.getString(3)) : known.membership(),
                            partner ? known.grant() : grant(rs.getString(3)),
                            rs.getBoolean(4)));
                }, index(userId, AccessRole.PARTNER), index(userId, AccessRole.COUNSELLOR));
        return standings;
    }

    /** Which of the agreements are parked on a dead letter, in one round trip. */
    Set<String> parked(Collection<String> agreementIds) {
        if (agreementIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT d.sequence_identifier FROM dead_letter_entry d "
                        + "WHERE d.processing_group IN (" + PROCESSING_GROUPS + ") AND d.sequence_identifier = ANY (?)",
                String.class, (Object) agreementIds.toArray(String[]::new)));
    }

    private static Membership membership(String status) {
        return status == null ? null : Membership.valueOf(status);
    }

    private static GrantStatus grant(String status) {
        return status == null ? null : GrantStatus.valueOf(status);
    }

    private static Map<String, Long> progress(String text) {
        Map<String, Long> progress = new HashMap<>();
        if (text != null) {
            for (String pair : text.split(",")) {
                int equals = pair.lastIndexOf('=');
                progress.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
            }
        }
        return progress;
    }
}
