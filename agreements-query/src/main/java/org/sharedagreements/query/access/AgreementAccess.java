package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns {@code agreement_access}: one row per partner and per counsellor of each agreement with their current
 * status. The agreement-state projection rewrites an agreement's rows from its folded state after every event,
 * in the same transaction as the state document, so visibility and state never disagree.
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

    /** Replaces the agreement's rows with {@code entries}, as of its event {@code sequence}. */
    public void replace(AgreementId agreementId, long sequence, List<Entry> entries) {
        jdbc.update("DELETE FROM agreement_access WHERE agreement_id = ?", agreementId.value());
        jdbc.batchUpdate("""
                        INSERT INTO agreement_access (agreement_id, user_id, role, status, last_sequence)
                        VALUES (?, ?, ?, ?, ?)""",
                entries.stream().map(e -> new Object[]{agreementId.value(), e.userId(), e.role().name(), e.status(),
                        sequence}).toList());
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
