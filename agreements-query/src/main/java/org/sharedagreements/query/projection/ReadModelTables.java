package org.sharedagreements.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Objects;

/**
 * The read models' tables and their shadows ({@code V33__read_model_shadows.sql}): a blue-green rebuild fills the
 * shadows while the live tables keep answering, then {@link #swap} makes the shadows live in the rebuild's
 * transaction. Every index of a table is named {@code <table>_<suffix>}, so the swap can trade index names too, and
 * the schema after a swap is the schema before it.
 */
public final class ReadModelTables {

    /** Every table a projection writes, in the order they are swapped. */
    public static final List<String> ALL = List.of("projection_progress", "agreement_state", "agreement_access",
            "timeline_event", "boundary_version");

    private static final String SHADOW = "_shadow";
    private static final String RETIRED = "_retired";

    private ReadModelTables() {
    }

    /** The name of the table's shadow. */
    public static String shadowOf(String table) {
        if (!ALL.contains(table)) {
            throw new IllegalArgumentException("no read-model table is called " + table);
        }
        return table + SHADOW;
    }

    /** {@code target} when it is the table or its shadow: what a repository may be built on. */
    public static String check(String table, String target) {
        Objects.requireNonNull(target, "a repository writes a table");
        if (!target.equals(table) && !target.equals(shadowOf(table))) {
            throw new IllegalArgumentException(target + " is neither " + table + " nor its shadow");
        }
        return target;
    }

    /** Empties every shadow (nothing reads them). */
    public static void emptyShadows(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE " + String.join(", ", ALL.stream().map(ReadModelTables::shadowOf).toList()));
    }

    /**
     * In the caller's transaction, each shadow takes its table's name (and its indexes the table's index names), and
     * the table it replaces becomes the shadow. A reader that waits for the swap's locks reads the new table once it
     * commits: PostgreSQL looks a name up again after waiting for a lock on it.
     */
    public static void swap(JdbcTemplate jdbc) {
        for (String table : ALL) {
            rename(jdbc, table, table + RETIRED);
            rename(jdbc, shadowOf(table), table);
            rename(jdbc, table + RETIRED, shadowOf(table));
        }
    }

    private static void rename(JdbcTemplate jdbc, String from, String to) {
        List<String> indexes = jdbc.queryForList("SELECT indexname FROM pg_indexes "
                + "WHERE schemaname = current_schema() AND tablename = ?", String.class, from);
        jdbc.execute("ALTER TABLE " + from + " RENAME TO " + to);
        for (String index : indexes) {
            if (!index.startsWith(from + "_")) {
                throw new IllegalStateException("index " + index + " of " + from + " is not named after its table");
            }
            jdbc.execute("ALTER INDEX " + index + " RENAME TO " + to + index.substring(from.length()));
        }
    }
}
