package org.sharedagreements.web.record;

import org.sharedagreements.query.history.BoundaryHistory;
import org.sharedagreements.query.history.BoundaryVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every version of one boundary side by side: one column per version, one row per term, and in each cell of a
 * version that came into force whether the term changed from the version in force before it (and what it was),
 * as {@link BoundaryHistory#changes()} says.
 */
public record HistoryTable(String statement, List<Column> columns, List<Row> rows) {

    /** A version's heading and its outcome, who proposed it when, and who decided it when. */
    public record Column(int version, String kind, String outcome, String proposedBy, Moment proposedAt,
                         String decidedBy, Moment decidedAt, String reason) {
    }

    public record Row(String field, String label, List<Cell> cells) {
    }

    /** A term of one version; {@code was} is its value in the version in force before, when it changed. */
    public record Cell(int version, String text, boolean changed, String was) {
    }

    static HistoryTable of(BoundaryHistory history, Terms terms, Function<BoundaryVersion, Column> column) {
        List<Column> columns = history.versions().stream().map(column).toList();
        List<Row> rows = new ArrayList<>();
        for (String field : Terms.FIELDS) {
            List<Cell> cells = new ArrayList<>();
            for (BoundaryVersion version : history.versions()) {
                Optional<BoundaryHistory.FieldChange> change = history.changes().stream()
                        .filter(c -> c.toVersion() == version.boundaryVersion())
                        .flatMap(c -> c.fields().stream())
                        .filter(f -> f.field().equals(field))
                        .findFirst();
                cells.add(new Cell(version.boundaryVersion(), terms.value(field, value(version.terms(), field)),
                        change.isPresent(), change.map(c -> terms.value(field, c.from())).orElse(null)));
            }
            rows.add(new Row(field, terms.label(field), cells));
        }
        List<BoundaryVersion> versions = history.versions();
        String statement = versions.isEmpty() || versions.get(versions.size() - 1).terms() == null ? null
                : versions.get(versions.size() - 1).terms().statement();
        return new HistoryTable(statement, columns, rows);
    }

    static String value(BoundaryVersion.Terms terms, String field) {
        if (terms == null) {
            return null;
        }
        return switch (field) {
            case "category" -> terms.category();
            case "statement" -> terms.statement();
            case "measure" -> terms.measure();
            case "consequence" -> terms.consequence();
            case "reviewEvery" -> terms.reviewEvery();
            default -> throw new IllegalArgumentException("no term " + field);
        };
    }
}
