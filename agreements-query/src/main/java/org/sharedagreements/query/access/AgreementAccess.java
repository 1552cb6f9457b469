package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns {@code agreement_access}: one row per partner and per counsellor of each agreement with their current
 * status. The agreement-state projection rewrites an agreement's rows from its folded state whenever they change
 * (each row's {@code last_sequence} is the event that last changed the agreement's rows), in the same transaction as the
 * state document, so visibility and state never disagree.
 */
@Repository
public class AgreementAccess {

    /** One person's place in an agreement: role PARTNER (INVITED, JOINED, LEFT) or COUNSELLOR (PENDING, GRANTED, REVOKED). */
    public record Entry(String userId, AccessRole role, String status) {
    }

    private final JdbcTemplate jdbc;

    public AgreementAccess(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "agreement access needs a JdbcTemplate");
    }

    /** The rows an agreement's access is to be replaced with, as changed by its event {@code sequence}. */
    public record Replacement(long sequence, List<Entry> entries) {
    }

    /** Replaces the rows of each agreement in {@code replacements} with its entries, in two round trips. */
    public void replaceAll(Map<AgreementId, Replacement> replacements) {
        if (replacements.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM agreement_access WHERE agreement_id = ?",
                replacements.keySet().stream().map(id -> new Object[]{id.value()}).toList());
        jdbc.batchUpdate("""
                        INSERT INTO agreement_access (agreement_id, user_id, role, status, last_sequence)
                        VALUES (?, ?, ?, ?, ?)""",
                replacements.entrySet().stream().flatMap(r -> r.getValue().entries().stream()
                        .map(e -> new Object[]{r.getKey().value(), e.userId(), e.role().name(), e.status(),
                                r.getValue().sequence()})).toList());
    }

    /**
     * How the caller may see the agreement, if at all: as a partner who joined (or joined and left), or, with the
     * counsellor role, as a counsellor whose access is granted now.
     */
    public Optional<AccessRole> roleOf(AgreementId agreementId, Caller caller) {
        List<String> roles = jdbc.queryForList("""
                        SELECT role FROM agreement_access
                        WHERE agreement_id = ? AND user_id = ?
                          AND ((role = 'PARTNER' AND status IN ('JOINED', 'LEFT'))
                            OR (role = 'COUNSELLOR' AND status = 'GRANTED' AND ?))
                        ORDER BY role DESC""",
                String.class, agreementId.value(), caller.userId(), caller.counsellor());
        return roles.stream().findFirst().map(AccessRole::valueOf);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM agreement_access");
    }
}
