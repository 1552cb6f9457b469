package org.sharedagreements.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.ReadModelSeals;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.query.projection.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code boundary_version}: one row per version of each boundary, remembering the last event it applied. Its
 * structure (kind, review period, outcome, times, how many accepted, whether there was a reason) is plain; the
 * terms, the reason and the people are one sealed value per row under the agreement's data key, changed in memory
 * while a batch of events is applied ({@link Sealing}) and sealed once per row when it commits. Erasure drops the
 * sealed values; the rows then read their structure with everything else as {@value Confidential#ERASED}.
 */
@QuerySide
@Repository
public class BoundaryHistoryRepository {

    static final String TABLE = "boundary_version";
    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final JdbcTemplate jdbc;
    private final ReadModelSeals seals;
    /** The table written and read: {@value #TABLE}, or its shadow while a rebuild writes that. */
    private final String table;

    @Autowired
    public BoundaryHistoryRepository(JdbcTemplate jdbc, ReadModelSeals seals) {
        this(jdbc, seals, TABLE);
    }

    private BoundaryHistoryRepository(JdbcTemplate jdbc, ReadModelSeals seals, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "the boundary history repository needs a JdbcTemplate");
        this.seals = Objects.requireNonNull(seals, "the boundary history is stored sealed");
        this.table = ReadModelTables.check(TABLE, table);
    }

    /** The same repository on the table's shadow ({@link ReadModelTables}), sealed as here, bound to {@value #TABLE}. */
    public BoundaryHistoryRepository shadow() {
        return new BoundaryHistoryRepository(jdbc, seals, ReadModelTables.shadowOf(TABLE));
    }

    /** The statement on the table this repository writes (the column {@code boundary_version} keeps its name). */
    private String sql(String statement) {
        return table.equals(TABLE) ? statement
                : statement.replaceAll("\\b(FROM|INTO|UPDATE)(\\s+)" + TABLE + "\\b", "$1$2" + table);
    }

    /** What a row seals. Plain fields: it is data, written as JSON. */
    static final class Hidden {
        public String category;
        public String statement;
        public String measure;
        public String consequence;
        public String proposedBy;
        public List<String> acceptedBy = new ArrayList<>();
        public String decidedBy;
        public String reason;
    }

    private record Key(AgreementId agreementId, UUID boundaryId, int version) {
    }

    /**
     * The sealed values of the rows a batch of events changes, opened once and sealed once when the batch commits
     * ({@link #write}). A row whose agreement has no key (it was erased) has none: it keeps only its structure.
     */
    public final class Sealing {
        private final Map<Key, Optional<Hidden>> rows = new LinkedHashMap<>();
        private final Map<AgreementId, Optional<FieldSeal>> sealsOf = new HashMap<>();

        private Optional<Hidden> row(AgreementId agreementId, UUID boundaryId, int version) {
            return rows.computeIfAbsent(new Key(agreementId, boundaryId, version), this::load);
        }

        private Optional<Hidden> load(Key key) {
            if (seal(key.agreementId()).isEmpty()) {
                return Optional.empty();
            }
            List<String> stored = jdbc.queryForList(sql("SELECT sealed FROM boundary_version WHERE agreement_id = ? "
                            + "AND boundary_id = ? AND boundary_version = ? AND sealed IS NOT NULL"), String.class,
                    key.agreementId().value(), key.boundaryId(), key.version());
            return stored.stream().findFirst().flatMap(sealed -> seals.forReading(key.agreementId())
                    .map(seal -> read(seal.open(sealed, context(key.agreementId())))));
        }

        private Optional<FieldSeal> seal(AgreementId agreementId) {
            return sealsOf.computeIfAbsent(agreementId, seals::forWriting);
        }

        /** Erasure: nothing of the agreement is sealed any more. */
        private void forget(AgreementId agreementId) {
            rows.keySet().removeIf(key -> key.agreementId().equals(agreementId));
            sealsOf.put(agreementId, Optional.empty());
        }

        /** Seals each changed row once, in one round trip. */
        public void write() {
            List<Object[]> updates = new ArrayList<>();
            rows.forEach((key, hidden) -> hidden.ifPresent(h -> seal(key.agreementId()).ifPresent(seal ->
                    updates.add(new Object[]{seal.seal(BoundaryHistoryRepository.write(h), context(key.agreementId())),
                            key.agreementId().value(), key.boundaryId(), key.version()}))));
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(sql("UPDATE boundary_version SET sealed = ? WHERE agreement_id = ? AND boundary_id = ? "
                        + "AND boundary_version = ?"), updates);
            }
            rows.clear();
        }
    }

    /** A fresh batch's sealing. */
    public Sealing sealing() {
        return new Sealing();
    }

    public void proposed(Sealing sealing, AgreementId agreementId, BoundaryId boundaryId, int version, String kind,
                         BoundaryTerms terms, String proposedBy, Instant at, long sequence) {
        int inserted = jdbc.update(sql("""
                        INSERT INTO boundary_version (agreement_id, boundary_id, boundary_version, kind, review_every,
                            proposed_at, acceptances, outcome, last_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, 1, 'PENDING', ?)
                        ON CONFLICT (agreement_id, boundary_id, boundary_version) DO NOTHING"""),
                agreementId.value(), boundaryId.value(), version, kind, terms.reviewEvery().toString(),
                Timestamp.from(at), sequence);
        if (inserted == 0 || sealing.seal(agreementId).isEmpty()) {
            return;
        }
        Hidden hidden = new Hidden();
        hidden.category = terms.category() == null ? Confidential.ERASED : terms.category().name();
        hidden.statement = Content.text(terms.statement());
        hidden.measure = Content.text(terms.measure());
        hidden.consequence = Content.text(terms.consequence());
        hidden.proposedBy = proposedBy;
        hidden.acceptedBy.add(proposedBy);
        sealing.rows.put(new Key(agreementId, boundaryId.value(), version), Optional.of(hidden));
    }

    public void accepted(Sealing sealing, AgreementId agreementId, BoundaryId boundaryId, int version, String partner,
                         long sequence) {
        Optional<Hidden> hidden = sealing.row(agreementId, boundaryId.value(), version);
        if (hidden.isPresent() && hidden.get().acceptedBy.contains(partner)) {
            return;
        }
        int updated = jdbc.update(sql("""
                        UPDATE boundary_version SET acceptances = acceptances + 1, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND boundary_version = ? AND last_sequence < ?"""),
                sequence, agreementId.value(), boundaryId.value(), version, sequence);
        if (updated > 0) {
            hidden.ifPresent(h -> h.acceptedBy.add(partner));
        }
    }

    /** The version is now in force; the one that was in force before it is superseded. */
    public void activated(Sealing sealing, AgreementId agreementId, BoundaryId boundaryId, int version, String by,
                          Instant at, long sequence) {
        jdbc.update(sql("""
                        UPDATE boundary_version SET outcome = 'SUPERSEDED', superseded_at = ?, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND outcome = 'ACTIVATED' AND last_sequence < ?"""),
                Timestamp.from(at), sequence, agreementId.value(), boundaryId.value(), sequence);
        decided(sealing, agreementId, boundaryId, version, "ACTIVATED", by, at, null, sequence);
    }

    /** The pending version ended: DECLINED or WITHDRAWN. */
    public void decided(Sealing sealing, AgreementId agreementId, BoundaryId boundaryId, int version, String outcome,
                        String by, Instant at, String reason, long sequence) {
        int updated = jdbc.update(sql("""
                        UPDATE boundary_version SET outcome = ?, decided_at = ?, has_reason = ?, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND boundary_version = ? AND last_sequence < ?"""),
                outcome, Timestamp.from(at), reason != null, sequence, agreementId.value(), boundaryId.value(),
                version, sequence);
        if (updated > 0) {
            sealing.row(agreementId, boundaryId.value(), version).ifPresent(h -> {
                h.decidedBy = by;
                h.reason = reason;
            });
        }
    }

    /** A retired boundary's pending version, if it had one, will never be decided: it is withdrawn. */
    public void retired(Sealing sealing, AgreementId agreementId, BoundaryId boundaryId, String by, Instant at,
                        long sequence) {
        List<Integer> withdrawn = jdbc.queryForList(sql("""
                        UPDATE boundary_version
                        SET outcome = 'WITHDRAWN', decided_at = ?, has_reason = true, last_sequence = ?
                        WHERE agreement_id = ? AND boundary_id = ? AND outcome = 'PENDING' AND last_sequence < ?
                        RETURNING boundary_version"""),
                Integer.class, Timestamp.from(at), sequence, agreementId.value(), boundaryId.value(), sequence);
        for (int version : withdrawn) {
            sealing.row(agreementId, boundaryId.value(), version).ifPresent(h -> {
                h.decidedBy = by;
                h.reason = "boundary retired";
            });
        }
    }

    /** Erasure: the terms, reasons and people of every version of the agreement's boundaries are purged. */
    public void erase(Sealing sealing, AgreementId agreementId) {
        sealing.forget(agreementId);
        jdbc.update(sql("UPDATE boundary_version SET sealed = NULL WHERE agreement_id = ? AND sealed IS NOT NULL"),
                agreementId.value());
    }

    /** Every version of the boundary, in version order; empty when the agreement has no such boundary. */
    public List<BoundaryVersion> versions(VisibleAgreement agreement, BoundaryId boundaryId) {
        return versions(agreement.agreementId(), boundaryId);
    }

    List<BoundaryVersion> versions(AgreementId agreementId, BoundaryId boundaryId) {
        Optional<FieldSeal> seal = seals.forReading(agreementId);
        SealContext context = context(agreementId);
        return jdbc.query(sql("""
                        SELECT boundary_version, kind, review_every, outcome, proposed_at, acceptances, decided_at,
                               has_reason, superseded_at, sealed
                        FROM boundary_version WHERE agreement_id = ? AND boundary_id = ?
                        ORDER BY boundary_version"""),
                (rs, row) -> {
                    String sealed = rs.getString(10);
                    Hidden hidden = sealed != null && seal.isPresent() ? read(seal.get().open(sealed, context))
                            : erased(rs.getInt(6), rs.getTimestamp(7) != null, rs.getBoolean(8));
                    return new BoundaryVersion(rs.getInt(1), rs.getString(2),
                            new BoundaryVersion.Terms(hidden.category, hidden.statement, hidden.measure,
                                    hidden.consequence, rs.getString(3)),
                            rs.getString(4), hidden.proposedBy, instant(rs, 5), List.copyOf(hidden.acceptedBy),
                            hidden.decidedBy, instant(rs, 7), hidden.reason, instant(rs, 9));
                },
                agreementId.value(), boundaryId.value());
    }

    public void deleteAll() {
        jdbc.update(sql("DELETE FROM boundary_version"));
    }

    /** What a row reads once its agreement is erased: its structure, everything else erased. */
    private static Hidden erased(int acceptances, boolean decided, boolean hadReason) {
        Hidden hidden = new Hidden();
        hidden.category = Confidential.ERASED;
        hidden.statement = Confidential.ERASED;
        hidden.measure = Confidential.ERASED;
        hidden.consequence = Confidential.ERASED;
        hidden.proposedBy = Confidential.ERASED;
        hidden.acceptedBy = new ArrayList<>(Collections.nCopies(acceptances, Confidential.ERASED));
        hidden.decidedBy = decided ? Confidential.ERASED : null;
        hidden.reason = hadReason ? Confidential.ERASED : null;
        return hidden;
    }

    private static SealContext context(AgreementId agreementId) {
        return SealContext.column(agreementId.value(), TABLE, "sealed");
    }

    private static String instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : EventTime.format(timestamp.toInstant());
    }

    private static Hidden read(String json) {
        try {
            return JSON.readValue(json, Hidden.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable boundary version", e);
        }
    }

    private static String write(Hidden hidden) {
        try {
            return JSON.writeValueAsString(hidden);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
