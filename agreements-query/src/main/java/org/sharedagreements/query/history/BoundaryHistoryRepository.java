package org.sharedagreements.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Owns {@code boundary_version}: one row per version of each boundary, remembering the last event it applied. */
@QuerySide
@Repository
public class BoundaryHistoryRepository {

    private static final ObjectMapper JSON = ProjectionJson.mapper();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public BoundaryHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "the boundary history repository needs a JdbcTemplate");
    }

    public void proposed(AgreementId agreementId, BoundaryId boundaryId, int version, String kind, BoundaryTerms terms,
                         String proposedBy, Instant at, long sequence) {
        jdbc.update("""
                        INSERT INTO boundary_version (agreement_id, boundary_id, boundary_version, kind, category,
                            statement, measure, consequence, review_every, proposed_by, proposed_at, accepted_by,
                            outcome, last_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?)
                        ON CONFLICT (agreement_id, boundary_id, boundary_version) DO NOTHING""",
                agreementId.value(), boundaryId.value(), version, kind,
                terms.category() == null ? Confidential.ERASED : terms.category().name(),
                Content.text(terms.statement()), Content.text(terms.measure()), Content.text(terms.consequence()), terms.reviewEvery().toString(), proposedBy, Timestamp.from(at),
                write(List.of(proposedBy)), sequence);
    }

    public void accepted(AgreementId agreementId, BoundaryId boundaryId, int version, String partner, long sequence) {
        jdbc.update("""
                        UPDATE boundary_version
                        SET accepted_by = accepted_by || to_jsonb(?::text), last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND boundary_version = ?
                          AND last_sequence < ? AND NOT jsonb_exists(accepted_by, ?)""",
                partner, sequence, agreementId.value(), boundaryId.value(), version, sequence, partner);
    }

    /** The version is now in force; the one that was in force before it is superseded. */
    public void activated(AgreementId agreementId, BoundaryId boundaryId, int version, String by, Instant at,
                          long sequence) {
        jdbc.update("""
                        UPDATE boundary_version SET outcome = 'SUPERSEDED', superseded_at = ?, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND outcome = 'ACTIVATED' AND last_sequence < ?""",
                Timestamp.from(at), sequence, agreementId.value(), boundaryId.value(), sequence);
        decided(agreementId, boundaryId, version, "ACTIVATED", by, at, null, sequence);
    }

    /** The pending version ended: DECLINED or WITHDRAWN. */
    public void decided(AgreementId agreementId, BoundaryId boundaryId, int version, String outcome, String by,
                        Instant at, String reason, long sequence) {
        jdbc.update("""
                        UPDATE boundary_version
                        SET outcome = ?, decided_by = ?, decided_at = ?, reason = ?, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND boundary_version = ? AND last_sequence < ?""",
                outcome, by, Timestamp.from(at), reason, sequence, agreementId.value(), boundaryId.value(), version,
                sequence);
    }

    /** A retired boundary's pending version, if it had one, will never be decided: it is withdrawn. */
    public void retired(AgreementId agreementId, BoundaryId boundaryId, String by, Instant at, long sequence) {
        jdbc.update("""
                        UPDATE boundary_version
                        SET outcome = 'WITHDRAWN', decided_by = ?, decided_at = ?, reason = 'boundary retired',
                            last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND outcome = 'PENDING' AND last_sequence < ?""",
                by, Timestamp.from(at), sequence, agreementId.value(), boundaryId.value(), sequence);
    }

    /** Erasure: the terms and reasons of every version of the agreement's boundaries read as erased. */
    public void erase(AgreementId agreementId) {
        jdbc.update("""
                        UPDATE boundary_version SET category = ?, statement = ?, measure = ?, consequence = ?,
                            reason = CASE WHEN reason IS NULL THEN NULL ELSE ? END
                        WHERE agreement_id = ?""",
                Confidential.ERASED, Confidential.ERASED, Confidential.ERASED, Confidential.ERASED,
                Confidential.ERASED, agreementId.value());
    }

    /** Every version of the boundary, in version order; empty when the agreement has no such boundary. */
    public List<BoundaryVersion> versions(VisibleAgreement agreement, BoundaryId boundaryId) {
        return versions(agreement.agreementId(), boundaryId);
    }

    List<BoundaryVersion> versions(AgreementId agreementId, BoundaryId boundaryId) {
        return jdbc.query("""
                        SELECT boundary_version, kind, category, statement, measure, consequence, review_every,
                               outcome, proposed_by, proposed_at, accepted_by::text, decided_by, decided_at, reason,
                               superseded_at
                        FROM boundary_version WHERE agreement_id = ? AND boundary_id = ?
                        ORDER BY boundary_version""",
                (rs, row) -> new BoundaryVersion(rs.getInt(1), rs.getString(2),
                        new BoundaryVersion.Terms(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7)),
                        rs.getString(8), rs.getString(9), instant(rs, 10), read(rs.getString(11)), rs.getString(12),
                        instant(rs, 13), rs.getString(14), instant(rs, 15)),
                agreementId.value(), boundaryId.value());
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM boundary_version");
    }

    private static String instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : EventTime.format(timestamp.toInstant());
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable accepted_by", e);
        }
    }

    private static String write(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
