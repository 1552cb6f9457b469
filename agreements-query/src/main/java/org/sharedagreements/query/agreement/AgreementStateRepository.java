package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.AccessRole;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns {@code agreement_state}: the folded agreement-state document per agreement (JSONB) with the columns lists
 * need (title, status, version, time of the last event). The listings join {@code agreement_access} to pick the
 * agreements a caller may see.
 */
@Repository
public class AgreementStateRepository {

    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final JdbcTemplate jdbc;

    public AgreementStateRepository(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "the agreement state repository needs a JdbcTemplate");
    }

    /** The agreement's state document as stored: JSON text, as the projection wrote it. */
    public Optional<String> document(AgreementId agreementId) {
        return jdbc.queryForList("SELECT document::text FROM agreement_state WHERE agreement_id = ?", String.class,
                agreementId.value()).stream().findFirst();
    }

    public Optional<AgreementState> find(AgreementId agreementId) {
        List<String> documents = jdbc.queryForList("SELECT document::text FROM agreement_state WHERE agreement_id = ?",
                String.class, agreementId.value());
        return documents.stream().findFirst().map(AgreementStateRepository::read);
    }

    /** Inserts or replaces each state, in one round trip. */
    public void saveAll(List<AgreementState> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        INSERT INTO agreement_state (agreement_id, title, status, version, last_event_at, document)
                        VALUES (?, ?, ?, ?, ?, ?::json)
                        ON CONFLICT (agreement_id) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status,
                            version = EXCLUDED.version, last_event_at = EXCLUDED.last_event_at,
                            document = EXCLUDED.document""",
                changed.stream().map(state -> new Object[]{AgreementId.of(state.agreementId).value(), state.title,
                        state.status, state.version, Timestamp.from(Instant.parse(state.lastEventAt)), write(state)})
                        .toList());
    }

    /** The agreements the caller belongs to as a partner (joined, or joined and left) or, as a counsellor, was granted. */
    public List<AgreementSummary> visibleTo(Caller caller) {
        return jdbc.query("""
                        SELECT s.agreement_id, s.title, s.status, a.role, s.version, s.last_event_at
                        FROM agreement_access a JOIN agreement_state s ON s.agreement_id = a.agreement_id
                        WHERE a.user_id = ?
                          AND ((a.role = 'PARTNER' AND a.status IN ('JOINED', 'LEFT'))
                            OR (a.role = 'COUNSELLOR' AND a.status = 'GRANTED' AND ?))
                        ORDER BY s.last_event_at DESC, s.agreement_id""",
                (rs, row) -> new AgreementSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        AccessRole.valueOf(rs.getString(4)), rs.getLong(5),
                        EventTime.format(rs.getTimestamp(6).toInstant())),
                caller.userId(), caller.counsellor());
    }

    /** The states of the agreements a counsellor's access is granted to now, most recently active first. */
    public List<AgreementState> grantedTo(String counsellorId) {
        return jdbc.queryForList("""
                        SELECT s.document::text
                        FROM agreement_access a JOIN agreement_state s ON s.agreement_id = a.agreement_id
                        WHERE a.user_id = ? AND a.role = 'COUNSELLOR' AND a.status = 'GRANTED'
                        ORDER BY s.last_event_at DESC, s.agreement_id""",
                String.class, counsellorId).stream().map(AgreementStateRepository::read).toList();
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM agreement_state");
    }

    private static AgreementState read(String document) {
        try {
            return JSON.readValue(document, AgreementState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable agreement-state document", e);
        }
    }

    private static String write(AgreementState state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement state not writable as JSON", e);
        }
    }
}
