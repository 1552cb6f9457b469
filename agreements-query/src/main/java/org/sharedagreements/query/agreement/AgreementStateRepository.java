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
 * (title, status, version, time of the last event). The document is stored twice: as its outline, plain, with
 * every text, category, indicator and user id as "[erased]" ({@link DocumentOutline}), and whole, sealed in one
 * value under the agreement's data key, which a read opens and answers as it is (V34); the title is sealed on its
 * own, for lists. Erasure drops the sealed values: the outline is the erased document. Rows written before V34,
 * and a replay's rows of an agreement whose key is gone, hold the values the outline left out instead, sealed
 * apart, and are read by putting them back into the outline. It answers only for agreements the gate let the
 * caller see ({@link VisibleAgreement}).
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
        return stored(List.of(agreement.agreementId().value()), false).stream().findFirst().map(Opened::json);
    }

    /**
     * The state as the projection folds on: opened; once the key is gone, the outline (while a replay passes an
     * erased agreement, opened under the interim seal).
     */
    Optional<AgreementState> find(AgreementId agreementId) {
        return stored(List.of(agreementId.value()), true).stream().findFirst().map(opened -> {
            AgreementState state = opened.state();
            state.outlineOnly = !opened.complete();
            return state;
        });
    }

    /**
     * Inserts or replaces each state, in one round trip: the whole document sealed once beside its outline, the
     * title only when it changed.
     */
    public void saveAll(List<Changed> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                        INSERT INTO %1$s AS s (agreement_id, title, status, version, last_event_at, document,
                            sealed, sealed_document)
                        VALUES (?, ?, ?, ?, ?, ?::json, ?, ?)
                        ON CONFLICT (agreement_id) DO UPDATE SET
                            title = CASE WHEN ? THEN s.title ELSE EXCLUDED.title END,
                            status = EXCLUDED.status, version = EXCLUDED.version,
                            last_event_at = EXCLUDED.last_event_at, document = EXCLUDED.document,
                            sealed = EXCLUDED.sealed, sealed_document = EXCLUDED.sealed_document""".formatted(table),
                changed.stream().map(this::row).toList());
    }

    private Object[] row(Changed changed) {
        AgreementState state = changed.state();
        AgreementId agreementId = AgreementId.of(state.agreementId);
        DocumentOutline.Split split = DocumentOutline.split(state);
        String title = null;
        boolean keepTitle = false;
        String sealed = null;
        String sealedDocument = null;
        if (state.status != AgreementStatus.ERASED) {
            Optional<FieldSeal> seal = seals.forWriting(agreementId);
            if (seal.isPresent()) {
                keepTitle = !changed.titleChanged();
                title = keepTitle ? null : seal.get().seal(state.title, context(agreementId, "title"));
                sealedDocument = seal.get().seal(split.whole(), context(agreementId, "sealed_document"));
            } else {
                sealed = seals.interim(agreementId).seal(split.hidden().toString(), context(agreementId, "sealed"));
            }
        }
        return new Object[]{agreementId.value(), title, state.status.name(), state.version,
                Timestamp.from(Instant.parse(state.lastEventAt)), split.outline(), sealed, sealedDocument,
                keepTitle};
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
                .map(Opened::state).toList();
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    /**
     * A stored document, as the opened text of the whole (answered as it is) or as a tree, and whether it is
     * complete (everything the outline left out is in it).
     */
    private record Opened(String text, JsonNode tree, boolean complete) {

        static Opened whole(String text) {
            return new Opened(text, null, true);
        }

        static Opened tree(JsonNode tree, boolean complete) {
            return new Opened(null, tree, complete);
        }

        String json() {
            return text != null ? text : tree.toString();
        }

        AgreementState state() {
            return text != null ? read(text) : read(tree);
        }
    }

    private List<Opened> stored(List<UUID> agreementIds, boolean forFolding) {
        return jdbc.query("""
                        SELECT agreement_id, document::text, sealed, sealed_document FROM %s
                        WHERE agreement_id = ANY (?) ORDER BY last_event_at DESC, agreement_id""".formatted(table),
                (rs, row) -> open(new AgreementId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        rs.getString(4), forFolding),
                (Object) agreementIds.toArray(UUID[]::new));
    }

    /**
     * The whole document when its seal opens; else the outline, with what it left out put back when that was
     * sealed apart and can be opened.
     */
    private Opened open(AgreementId agreementId, String outline, String sealed, String sealedDocument,
                        boolean forFolding) {
        Optional<FieldSeal> seal = seals.forReading(agreementId);
        if (sealedDocument != null) {
            // once the key is destroyed (the agreement is being erased) the outline is all there is
            return seal.map(opening -> Opened.whole(opening.open(sealedDocument, context(agreementId, "sealed_document"))))
                    .orElseGet(() -> Opened.tree(tree(outline), false));
        }
        JsonNode document = tree(outline);
        if (sealed == null) {
            return Opened.tree(document, AgreementStatus.ERASED.name().equals(document.path("status").asText()));
        }
        SealContext context = context(agreementId, "sealed");
        if (seal.isPresent()) {
            return Opened.tree(DocumentOutline.join(document, tree(seal.get().open(sealed, context))), true);
        }
        if (forFolding) {
            try {
                return Opened.tree(DocumentOutline.join(document, tree(seals.interim(agreementId).open(sealed, context))),
                        true);
            } catch (SealingException underDestroyedKey) {
                // sealed under the data key, destroyed since: the agreement is being erased, and the outline is all
                // the erasure needs
            }
        }
        return Opened.tree(document, false);
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

    private static AgreementState read(String document) {
        try {
            return JSON.readValue(document, AgreementState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable agreement-state document", e);
        }
    }
}
