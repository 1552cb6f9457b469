package org.sharedagreements.app.privacy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for plaintext values where the database keeps its data: in every row of every table of the database
 * ({@link #scanTables}) and in every file of its data directory ({@link #scanDataDirectory}).
 * <p>
 * A value counts as found when its plain UTF-8 bytes occur. The values the tests look for are ASCII letters and
 * digits (or enum names of capitals and underscores), so their JSON-escaped form, their COPY-escaped form and
 * their UTF-8 form are the same bytes: one byte search covers all three. Encodings of the value (base64, hex,
 * compressed) are deliberately not looked for; sealed content is not plaintext.
 */
final class AtRestScanner {

    /** A value that must not be stored in the clear, and what it is (its role, e.g. "title", "partner-2 id"). */
    record Needle(String role, String value) {
        byte[] bytes() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One value found in one place: {@code schema.table.column} (tables) or a path in the data directory. */
    record Finding(String where, String role) {
        @Override
        public String toString() {
            return where + " <- " + role;
        }
    }

    private final DataSource dataSource;

    AtRestScanner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The running server's data directory, as it says itself. */
    Path dataDirectory() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Does now what autovacuum may do at any time, {@code ANALYZE}, so {@code pg_statistic} holds the most common
     * values of every column as it would in production (and keeps them after the rows change, until the next
     * analyze); then writes every dirty page to the relation files ({@code CHECKPOINT}, superuser only: the
     * embedded server's {@code postgres} user is one) and closes the current WAL segment, so what the server holds
     * in shared buffers is in the data directory too.
     */
    void flushToDisk() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
            statement.execute("CHECKPOINT");
            statement.execute("SELECT pg_switch_wal()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- scan A: every row of every table ---------------------------------------------------------------------

    /**
     * Every table of every schema of the connected database (the application's tables, Flyway's history, Axon's
     * token, dead-letter and snapshot tables, the deadline tasks, the system catalogs with {@code pg_statistic},
     * and the TOAST tables), dumped whole with {@code COPY (SELECT * FROM t) TO STDOUT} in text format, where text
     * and JSON appear as written and bytea as {@code \x} hex; every bytea column is also read back as bytes, so
     * JSON stored as bytea is searched as the bytes it is. A finding names the column it is in.
     */
    Scan scanTables(List<Needle> needles) {
        Searcher searcher = new Searcher(needles);
        Set<Finding> findings = new LinkedHashSet<>();
        List<String> tables = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Table table : tables(connection)) {
                tables.add(table.label());
                List<Column> columns = columns(connection, table.oid);
                try {
                    ByteArrayOutputStream dump = new ByteArrayOutputStream();
                    copy.copyOut("COPY (SELECT * FROM " + table.qualified() + ") TO STDOUT", dump);
                    byte[] text = dump.toByteArray();
                    for (Hit hit : searcher.search(text)) {
                        findings.add(new Finding(table.label() + "." + columnAt(text, hit.offset, columns),
                                hit.needle.role()));
                    }
                    for (Column column : columns) {
                        if (column.bytea) {
                            scanBytea(connection, table, column, searcher, findings);
                        }
                    }
                } catch (SQLException | IOException e) {
                    unreadable.add(table.label() + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Scan(new ArrayList<>(findings), tables, unreadable);
    }

    /** What a scan found, what it looked at, and what it could not read. */
    record Scan(List<Finding> findings, List<String> scanned, List<String> unreadable) {
    }

    private record Table(long oid, String schema, String name, String toastOf) {
        String qualified() {
            return quote(schema) + "." + quote(name);
        }

        String label() {
            return toastOf == null ? schema + "." + name : schema + "." + name + " (TOAST of " + toastOf + ")";
        }
    }

    private record Column(String name, boolean bytea) {
    }

    private static List<Table> tables(Connection connection) throws SQLException {
        // ordinary tables, materialized views and TOAST tables; other sessions' temporary tables cannot be read
        String sql = "SELECT c.oid, n.nspname, c.relname, owner_ns.nspname || '.' || owner.relname "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_class owner ON owner.reltoastrelid = c.oid "
                + "LEFT JOIN pg_namespace owner_ns ON owner_ns.oid = owner.relnamespace "
                + "WHERE c.relkind IN ('r', 'm', 't') AND c.relpersistence <> 't' ORDER BY n.nspname, c.relname";
        List<Table> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                tables.add(new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return tables;
    }

    private static List<Column> columns(Connection connection, long tableOid) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT attname, atttypid = 'bytea'::regtype "
                + "FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            statement.setLong(1, tableOid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getBoolean(2)));
                }
            }
        }
        return columns;
    }

    private static void scanBytea(Connection connection, Table table, Column column, Searcher searcher,
                                  Set<Finding> findings) throws SQLException {
        String sql = "SELECT " + quote(column.name) + " FROM " + table.qualified() + " WHERE " + quote(column.name)
                + " IS NOT NULL";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                for (Hit hit : searcher.search(rs.getBytes(1))) {
                    findings.add(new Finding(table.label() + "." + column.name + " (bytea as bytes)",
                            hit.needle.role()));
                }
            }
        }
    }

    /** The column of a COPY text line a hit is in: fields are separated by tabs (a tab in a value is {@code \t}). */
    private static String columnAt(byte[] copyText, int offset, List<Column> columns) {
        int tabs = 0;
        for (int i = offset - 1; i >= 0 && copyText[i] != '\n'; i--) {
            if (copyText[i] == '\t') {
                tabs++;
            }
        }
        return tabs < columns.size() ? columns.get(tabs).name : "column#" + tabs;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    // ---- scan B: every file of the data directory --------------------------------------------------------------

    private static final Pattern RELATION_FILE = Pattern.compile("(base/(\\d+)|global)/(\\d+)(_fsm|_vm|_init)?(\\.\\d+)?");

    /**
     * Every regular file under the data directory, recursively (relation files under {@code base/} and
     * {@code global/}, the WAL under {@code pg_wal/}, {@code pg_xact/}, statistics, logs, ...), read whole and
     * searched for the needles' bytes; a file that cannot be read is listed and skipped. Call
     * {@link #flushToDisk()} first. A finding names the file (relative to the data directory) and, for a relation
     * file of this database, the relation it holds.
     */
    Scan scanDataDirectory(Path dataDirectory, List<Needle> needles) {
        Searcher searcher = new Searcher(needles);
        Map<String, Set<String>> rolesByFile = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(dataDirectory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = dataDirectory.relativize(file).toString().replace('\\', '/');
                    files.add(relative);
                    try {
                        for (Hit hit : searcher.search(Files.readAllBytes(file))) {
                            rolesByFile.computeIfAbsent(relative, f -> new TreeSet<>()).add(hit.needle.role());
                        }
                    } catch (IOException e) {
                        unreadable.add(relative + ": " + e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(dataDirectory.relativize(file) + ": " + e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Finding> findings = new ArrayList<>();
        rolesByFile.forEach((file, roles) -> {
            String where = file + relationOf(file);
            roles.forEach(role -> findings.add(new Finding(where, role)));
        });
        return new Scan(findings, files, unreadable);
    }

    /** " (public.timeline_event)" for a relation file of the connected database or a shared catalog, else "". */
    private String relationOf(String relativePath) {
        Matcher file = RELATION_FILE.matcher(relativePath);
        if (!file.matches()) {
            return "";
        }
        String tablespace = file.group(2) == null
                ? "(SELECT oid FROM pg_tablespace WHERE spcname = 'pg_global')"
                : "CASE WHEN (SELECT oid FROM pg_database WHERE datname = current_database()) = " + file.group(2)
                + " THEN 0 END";
        String sql = "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.oid = pg_filenode_relation(" + tablespace + ", ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, Long.parseLong(file.group(3)));
            try (ResultSet rs = statement.executeQuery()) {
                String relation = rs.next() ? rs.getString(1) : null;
                if (relation == null) {
                    return file.group(2) == null ? "" : " (database oid " + file.group(2) + ")";
                }
                return " (" + relation + (file.group(4) == null ? "" : " " + file.group(4).substring(1)) + ")";
            }
        } catch (SQLException e) {
            return "";
        }
    }

    // ---- the byte search --------------------------------------------------------------------------------------

    private record Hit(Needle needle, int offset) {
    }

    /** Finds every occurrence of any needle in one pass, bucketing needles by their first two bytes. */
    private static final class Searcher {
        private final List<List<Needle>> buckets = new ArrayList<>(65536);
        private final Map<Needle, byte[]> needleBytes = new LinkedHashMap<>();

        Searcher(List<Needle> needles) {
            for (int i = 0; i < 65536; i++) {
                buckets.add(null);
            }
            for (Needle needle : needles) {
                byte[] b = needle.bytes();
                if (b.length < 2) {
                    throw new IllegalArgumentException("too short to search for: " + needle);
                }
                needleBytes.put(needle, b);
                int key = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
                if (buckets.get(key) == null) {
                    buckets.set(key, new ArrayList<>());
                }
                buckets.get(key).add(needle);
            }
        }

        List<Hit> search(byte[] data) {
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i + 1 < data.length; i++) {
                List<Needle> candidates = buckets.get(((data[i] & 0xff) << 8) | (data[i + 1] & 0xff));
                if (candidates == null) {
                    continue;
                }
                for (Needle needle : candidates) {
                    if (matchesAt(data, i, needleBytes.get(needle))) {
                        hits.add(new Hit(needle, i));
                    }
                }
            }
            return hits;
        }

        private static boolean matchesAt(byte[] data, int offset, byte[] needle) {
            if (offset + needle.length > data.length) {
                return false;
            }
            for (int j = 2; j < needle.length; j++) {
                if (data[offset + j] != needle[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
