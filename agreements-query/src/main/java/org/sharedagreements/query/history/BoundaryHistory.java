package org.sharedagreements.query.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /api/agreements/{a}/boundaries/{b}/history}: every version in order, and for each pair
 * of consecutive versions that were in force, the fields whose values differ.
 */
public record BoundaryHistory(String agreementId, String boundaryId, List<BoundaryVersion> versions,
                              List<Change> changes) {

    /** What changed from one version in force to the next. */
    public record Change(int fromVersion, int toVersion, List<FieldChange> fields) {
    }

    public record FieldChange(String field, String from, String to) {
    }

    public static BoundaryHistory of(String agreementId, String boundaryId, List<BoundaryVersion> versions) {
        List<Change> changes = new ArrayList<>();
        BoundaryVersion previous = null;
        for (BoundaryVersion version : versions) {
            if (!version.wasInForce()) {
                continue;
            }
            if (previous != null) {
                changes.add(new Change(previous.boundaryVersion(), version.boundaryVersion(),
                        fieldChanges(previous.terms(), version.terms())));
            }
            previous = version;
        }
        return new BoundaryHistory(agreementId, boundaryId, versions, changes);
    }

    static List<FieldChange> fieldChanges(BoundaryVersion.Terms from, BoundaryVersion.Terms to) {
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "category", from.category(), to.category());
        compare(fields, "statement", from.statement(), to.statement());
        compare(fields, "measure", from.measure(), to.measure());
        compare(fields, "consequence", from.consequence(), to.consequence());
        compare(fields, "reviewEvery", from.reviewEvery(), to.reviewEvery());
        return fields;
    }

    private static void compare(List<FieldChange> fields, String name, String from, String to) {
        if (!Objects.equals(from, to)) {
            fields.add(new FieldChange(name, from, to));
        }
    }
}
