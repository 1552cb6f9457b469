package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.projection.BulkCopy;
import org.sharedagreements.query.projection.Content;
import org.sharedagreements.query.projection.EventTime;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.projection.ReadModelSeals;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.sealing.FieldSeal;
import org.sharedagreements.sealing.SealContext;
import org.sharedagreements.query.projection.ReadModelTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

/**
 * Owns {@code timeline_event}: one row per event of an agreement, keyed by agreement and sequence. Each row keeps
 * its outline plain (the type, time, a sentence that names no one, and the event's fields with every content value
 * and user id as {@value Confidential#ERASED}) and seals, in one value under the agreement's data key, what the
 * outline left out: the actor, the sentence with names, and the values taken out of the fields. Erasure drops the
 * sealed value, and the outline is what the entry reads from then on.
 */
@QuerySide
@Repository
public class TimelineRepository {

    static final String TABLE = "timeline_event";
    private static final ObjectMapper JSON = ProjectionJson.mapper();

    private final JdbcTemplate jdbc;
    private final ReadModelSeals seals;
    /** The table written and read: {@value #TABLE}, or its shadow while a rebuild writes that. */
    private final String table;

    @Autowired
    public TimelineRepository(JdbcTemplate jdbc, ReadModelSeals seals) {
        this(jdbc, seals, TABLE);
    }

    private TimelineRepository(JdbcTemplate jdbc, ReadModelSeals seals, String table) {
        this.jdbc = Objects.requireNonNull(jdbc, "the timeline repository needs a JdbcTemplate");
        this.seals = Objects.requireNonNull(seals, "the timeline is stored sealed");
        this.table = ReadModelTables.check(TABLE, table);
    }

    /** The same repository on the table's shadow ({@link ReadModelTables}), sealed as here, bound to {@value #TABLE}. */
    public TimelineRepository shadow() {
        return new TimelineRepository(jdbc, seals, ReadModelTables.shadowOf(TABLE));
    }

    /**
     * An entry to append to an agreement's timeline, with the sentence that names no one and the paths in its data
     * (content and user ids) that are sealed.
     */
    public record Appended(AgreementId agreementId, TimelineEntry entry, String outlineSummary,
                           List<List<String>> sealedPaths) {
    }

    /**
     * Adds the entries, in one round trip, each sealed once (entries of an agreement without a key, one erased,
     * keep only their outline); an entry already there for its agreement and sequence stays as it is. Into the
     * shadow, which only a rebuild writes and which gets each event once (above the shadow's own progress), the
     * rows are streamed with {@code COPY}, PostgreSQL's bulk path.
     */
    public void appendAll(List<Appended> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<AgreementId, Optional<FieldSeal>> sealsOf = new HashMap<>();
        List<Row> rows = entries.stream().map(a -> {
            TimelineEntry entry = a.entry();
            // the outline is written out, then the entry's data made whole again: cheaper than copying it first
            ObjectNode taken = Content.split(entry.data(), a.sealedPaths());
            String outline = entry.data().toString();
            Content.restore(entry.data(), taken);
            String sealed = sealsOf.computeIfAbsent(a.agreementId(), seals::forWriting)
                    .map(seal -> seal.seal(write(new Hidden(entry.actor(), entry.summary(), taken)),
                            context(a.agreementId())))
                    .orElse(null);
            return new Row(a.agreementId().value(), entry.sequence(), entry.type(), entry.at(), entry.actor() != null,
                    a.outlineSummary(), outline, sealed);
        }).toList();
        if (table.equals(TABLE)) {
            jdbc.batchUpdate("""
                            INSERT INTO %s (agreement_id, sequence, type, at, has_actor, summary, data, sealed)
                            VALUES (?, ?, ?, ?, ?, ?, ?::json, ?)
                            ON CONFLICT (agreement_id, sequence) DO NOTHING""".formatted(table),
                    rows.stream().map(r -> new Object[]{r.agreementId(), r.sequence(), r.type(),
                            Timestamp.from(Instant.parse(r.at())), r.hasActor(), r.summary(), r.data(), r.sealed()})
                            .toList());
        } else {
            BulkCopy.into(jdbc, table + " (agreement_id, sequence, type, at, has_actor, summary, data, sealed)",
                    rows.stream().map(r -> new Object[]{r.agreementId(), r.sequence(), r.type(), r.at(),
                            r.hasActor(), r.summary(), r.data(), r.sealed()}).toList());
        }
    }

    /** A row as stored: the outline plain, the rest sealed. */
    private record Row(UUID agreementId, long sequence, String type, String at, boolean hasActor, String summary,
                       String data, String sealed) {
    }

    /** Purges what the agreement's entries sealed: each reads as its outline from now on. */
    public void erase(AgreementId agreementId) {
        jdbc.update("UPDATE " + table + " SET sealed = NULL WHERE agreement_id = ? AND sealed IS NOT NULL",
                agreementId.value());
    }

    /**
     * Up to {@code limit} entries with a sequence above {@code after}, in sequence order, each with the hash the
     * event store keeps with the event. The hash is joined from the event table when read rather than copied into
     * this table: it is the stored event's own, so it cannot go stale or differ after a replay.
     */
    public List<TimelineEntry> page(VisibleAgreement agreement, long after, int limit) {
        return page(agreement.agreementId(), after, limit);
    }

    List<TimelineEntry> page(AgreementId agreementId, long after, int limit) {
        Optional<FieldSeal> seal = seals.forReading(agreementId);
        SealContext context = context(agreementId);
        return jdbc.query("""
                        SELECT t.sequence, t.type, t.at, t.has_actor, t.summary, t.data::text, t.sealed, e.hash
                        FROM %s t
                        LEFT JOIN domain_event_entry e
                          ON e.aggregate_identifier = ? AND e.sequence_number = t.sequence
                        WHERE t.agreement_id = ? AND t.sequence > ? ORDER BY t.sequence LIMIT ?""".formatted(table),
                (rs, row) -> {
                    JsonNode data = read(rs.getString(6));
                    String sealed = rs.getString(7);
                    String actor = rs.getBoolean(4) ? Confidential.ERASED : null;
                    String summary = rs.getString(5);
                    if (sealed != null && seal.isPresent()) {
                        Hidden hidden = JSON.convertValue(read(seal.get().open(sealed, context)), Hidden.class);
                        Content.restore(data, hidden.fields());
                        actor = hidden.actor();
                        summary = hidden.summary();
                    }
                    return new TimelineEntry(rs.getLong(1), rs.getString(2),
                            EventTime.format(rs.getTimestamp(3).toInstant()), actor, summary, data, rs.getString(8));
                },
                agreementId.toString(), agreementId.value(), after, limit);
    }

    /** The sequence of the agreement's last entry, or -1 when it has none. */
    public long lastSequence(VisibleAgreement agreement) {
        return lastSequence(agreement.agreementId());
    }

    long lastSequence(AgreementId agreementId) {
        Long last = jdbc.queryForObject("SELECT max(sequence) FROM " + table + " WHERE agreement_id = ?",
                Long.class, agreementId.value());
        return last == null ? -1 : last;
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    /** What a row seals: who acted, the sentence with names, and the values taken out of the outline's fields. */
    private record Hidden(String actor, String summary, JsonNode fields) {
    }

    private static SealContext context(AgreementId agreementId) {
        return SealContext.column(agreementId.value(), TABLE, "sealed");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable timeline data", e);
        }
    }
}
