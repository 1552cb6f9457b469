package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code agreement_state}: the folded agreement-state document per agreement (JSONB) with the columns lists
 * need (title, status, version, time of the last event). It answers only for agreements the gate let the caller
 * see ({@link VisibleAgreement}).
 */
@QuerySide
@Repository
public class AgreementStateRepository {

    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final JdbcTemplate jdbc;

    public AgreementStateRepository(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "the agreement state repository needs a JdbcTemplate");
    }

    /** The agreement's state document as stored: JSON text, as the projection wrote it. */
    public Optional<String> document(VisibleAgreement agreement) {
        return jdbc.queryForList("SELECT document::text FROM agreement_state WHERE agreement_id = ?", String.class,
                agreement.agreementId().value()).stream().findFirst();
    }

    Optional<AgreementState> find(AgreementId agreementId) {
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
                        state.status.name(), state.version, Timestamp.from(Instant.parse(state.lastEventAt)),
                        write(state)})
                        .toList());
    }

    /** The summaries of the agreements, most recently active first, each with the role it is seen in. */
    public List<AgreementSummary> summaries(List<VisibleAgreement> agreements) {
        Map<UUID, AccessRole> roles = new HashMap<>();
        agreements.forEach(agreement -> roles.put(agreement.agreementId().value(), agreement.role()));
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        SELECT agreement_id, title, status, version, last_event_at FROM agreement_state
                        WHERE agreement_id = ANY (?) ORDER BY last_event_at DESC, agreement_id""",
                (rs, row) -> new AgreementSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        roles.get(rs.getObject(1, UUID.class)), rs.getLong(4),
                        EventTime.format(rs.getTimestamp(5).toInstant())),
                (Object) roles.keySet().toArray(UUID[]::new));
    }

    /** The states of the agreements, most recently active first. */
    public List<AgreementState> states(List<VisibleAgreement> agreements) {
        if (agreements.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                        SELECT document::text FROM agreement_state
                        WHERE agreement_id = ANY (?) ORDER BY last_event_at DESC, agreement_id""",
                String.class, (Object) agreements.stream().map(a -> a.agreementId().value()).toArray(UUID[]::new))
                .stream().map(AgreementStateRepository::read).toList();
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
