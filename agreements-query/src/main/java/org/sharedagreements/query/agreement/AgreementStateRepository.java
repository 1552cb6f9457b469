package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.ReadModelSeals;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.sealing.SealingException;
import org.sharedagreements.query.projection.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Owns {@code agreement_state}: the folded agreement-state document per agreement with the columns lists need
 * (title, status, version, time of the last event). The document is stored as its outline, plain, with every text,
 * category, indicator and user id as "[erased]" ({@link DocumentOutline}), and the values the outline left out
 * sealed in one value under the agreement's data key; the title is sealed on its own, for lists. Erasure drops
 * both sealed values: the outline is the erased document. It opens them when answering, and answers only for
 * agreements the gate let the caller see ({@link VisibleAgreement}).
 */
@QuerySide
@Repository
public class AgreementStateRepository {

    static final String TABLE = "agreement_state";
    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final JdbcTemplate jdbc;
    private final ReadModelSeals seals;
    /** The table written and read: {@value #TABLE}, or its shadow while a rebuild writes that. */
    private final String table;

    @Autowired
    public AgreementStateRepository(JdbcTemplate jdbc, ReadModelSeals seals) {
        this(jdbc, seals, TABLE);
    }

    private AgreementStateRepository(JdbcTemplate jdbc, ReadModelSeals seals, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "the agreement state repository needs a JdbcTemplate");
        this.seals = Objects.requireNonNull(seals, "the agreement state is stored sealed");
        this.table = ReadModelTables.check(TABLE, table);
    }

    /**
     * The same repository on the table's shadow ({@link ReadModelTables}), which a rebuild fills while this one
     * keeps answering. Rows are sealed exactly as here, bound to {@value #TABLE}, the name they are read under once
     * the shadow took its place.
     */
    public AgreementStateRepository shadow() {
        return new AgreementStateRepository(jdbc, seals, ReadModelTables.shadowOf(TABLE));
    }

    /** A state to store, and whether its title changed since it was stored (a title is sealed only then). */
    public record Changed(AgreementState state, boolean titleChanged) {
    }

    /** The agreement's state document as the caller reads it: JSON text, opened. */
    public Optional<String> document(VisibleAgreement agreement) {
        return stored(List.of(agreement.agreementId().value()), false).stream().findFirst()
                .map(opened -> opened.document().toString());
    }

    /**
     * The state as the projection folds on: opened; once the key is gone, the outline (while a replay passes an
     * erased agreement, opened under the interim seal).
     */
    Optional<AgreementState> find(AgreementId agreementId) {
        return stored(List.of(agreementId.value()), true).stream().findFirst().map(opened -> {
            AgreementState state = read(opened.document());
            state.outlineOnly = !opened.complete();
            return state;
        });
    }

    /**
     * Inserts or replaces each state, in one round trip: what the outline leaves out sealed once, the title only
     * when it changed.
     */
    public void saveAll(List<Changed> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        INSERT INTO %1$s AS s (agreement_id, title, status, version, last_event_at, document,
                            sealed)
                        VALUES (?, ?, ?, ?, ?, ?::json, ?)
                        ON CONFLICT (agreement_id) DO UPDATE SET
                            title = CASE WHEN ? THEN s.title ELSE EXCLUDED.title END,
                            status = EXCLUDED.status, version = EXCLUDED.version,
                            last_event_at = EXCLUDED.last_event_at, document = EXCLUDED.document,
                            sealed = EXCLUDED.sealed""".formatted(table),
                changed.stream().map(this::row).toList());
    }

    private Object[] row(Changed changed) {
        AgreementState state = changed.state();
        AgreementId agreementId = AgreementId.of(state.agreementId);
        DocumentOutline.Split split = DocumentOutline.split(state);
        String title = null;
        boolean keepTitle = false;
        String sealed = null;
        if (state.status != AgreementStatus.ERASED) {
            Optional<FieldSeal> seal = seals.forWriting(agreementId);
            if (seal.isPresent()) {
                keepTitle = !changed.titleChanged();
                title = keepTitle ? null : seal.get().seal(state.title, context(agreementId, "title"));
                sealed = seal.get().seal(split.hidden().toString(), context(agreementId, "sealed"));
            } else {
                sealed = seals.interim(agreementId).seal(split.hidden().toString(), context(agreementId, "sealed"));
            }
        }
        return new Object[]{agreementId.value(), title, state.status.name(), state.version,
                Timestamp.from(Instant.parse(state.lastEventAt)), split.outline().toString(), sealed, keepTitle};
    }

    /** The summaries of the agreements, most recently active first, each with the role it is seen in. */
    public List<AgreementSummary> summaries(List<VisibleAgreement> agreements) {
        Map<UUID, AccessRole> roles = new HashMap<>();
        agreements.forEach(agreement -> roles.put(agreement.agreementId().value(), agreement.role()));
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        SELECT agreement_id, title, status, version, last_event_at FROM %s
                        WHERE agreement_id = ANY (?) ORDER BY last_event_at DESC, agreement_id""".formatted(table),
                (rs, row) -> {
                    UUID agreementId = rs.getObject(1, UUID.class);
                    return new AgreementSummary(agreementId.toString(), title(agreementId, rs.getString(2)),
                            rs.getString(3), roles.get(agreementId), rs.getLong(4),
                            EventTime.format(rs.getTimestamp(5).toInstant()));
                },
                (Object) roles.keySet().toArray(UUID[]::new));
    }

    /** The states of the agreements, most recently active first. */
    public List<AgreementState> states(List<VisibleAgreement> agreements) {
        if (agreements.isEmpty()) {
            return List.of();
        }
        return stored(agreements.stream().map(a -> a.agreementId().value()).toList(), false).stream()
                .map(opened -> read(opened.document())).toList();
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    /** A stored document, and whether everything the outline left out was put back. */
    private record Opened(JsonNode document, boolean complete) {
    }

    private List<Opened> stored(List<UUID> agreementIds, boolean forFolding) {
        return jdbc.query("""
                        SELECT agreement_id, document::text, sealed FROM %s
                        WHERE agreement_id = ANY (?) ORDER BY last_event_at DESC, agreement_id""".formatted(table),
                (rs, row) -> open(new AgreementId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        forFolding),
                (Object) agreementIds.toArray(UUID[]::new));
    }

    /** The outline with what it left out put back, when that can be opened. */
    private Opened open(AgreementId agreementId, String outline, String sealed, boolean forFolding) {
        JsonNode document = tree(outline);
        if (sealed == null) {
            return new Opened(document, AgreementStatus.ERASED.name().equals(document.path("status").asText()));
        }
        SealContext context = context(agreementId, "sealed");
        Optional<FieldSeal> seal = seals.forReading(agreementId);
        if (seal.isPresent()) {
            return new Opened(DocumentOutline.join(document, tree(seal.get().open(sealed, context))), true);
        }
        if (forFolding) {
            try {
                return new Opened(DocumentOutline.join(document, tree(seals.interim(agreementId).open(sealed, context))),
                        true);
            } catch (SealingException underDestroyedKey) {
                // sealed under the data key, destroyed since: the agreement is being erased, and the outline is all
                // the erasure needs
            }
        }
        return new Opened(document, false);
    }

    private String title(UUID agreementId, String stored) {
        if (stored == null) {
            return Confidential.ERASED;
        }
        AgreementId id = new AgreementId(agreementId);
        return seals.forReading(id).map(seal -> seal.open(stored, context(id, "title"))).orElse(Confidential.ERASED);
    }

    private static SealContext context(AgreementId agreementId, String column) {
        return SealContext.column(agreementId.value(), TABLE, column);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable agreement-state document", e);
        }
    }

    private static AgreementState read(JsonNode document) {
        return JSON.convertValue(document, AgreementState.class);
    }
}
