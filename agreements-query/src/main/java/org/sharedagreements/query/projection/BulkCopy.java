package org.sharedagreements.query.projection;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows streamed into a table with PostgreSQL's {@code COPY ... FROM STDIN} on the connection of the caller's
 * transaction: the bulk path a rebuild fills the shadow tables by ({@link ReadModelTables}). Values are written in
 * COPY's text format: separated by tabs, rows by newlines, {@code null} as {@code \N}, and in a value each
 * backslash, tab, newline and carriage return escaped with a backslash. Most values (JSON outlines, sealed values,
 * ids) hold none of those four, and are appended whole; CSV had to be quoted, and scanned, quote by quote.
 */
public final class BulkCopy {

    /** Characters of COPY text sent to PostgreSQL at a time (see {@link #send}). */
    private static final int CHUNK = 64 * 1024;

    private BulkCopy() {
    }

    /**
     * Copies {@code rows} into {@code target} ({@code "table (column, ...)"}), each value in its text form (a
     * timestamp as ISO-8601 with its offset, JSON as its text); answers the number of rows copied.
     */
    public static long into(JdbcTemplate jdbc, String target, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN WITH (FORMAT text)");
            try {
                StringBuilder text = new StringBuilder(CHUNK + CHUNK / 4);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            text.append('\t');
                        }
                        if (row[i] == null) {
                            text.append("\\N");
                        } else {
                            escaped(text, row[i].toString());
                        }
                    }
                    text.append('\n');
                    if (text.length() >= CHUNK) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return copied == null ? 0 : copied;
    }

    /**
     * Sends what the buffer holds as UTF-8 and empties it. In chunks, not all the rows at once: buffers of
     * megabytes are humongous objects to G1, and each one started a concurrent marking cycle during a rebuild.
     */
    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.length() == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /**
     * The value as COPY's text format reads it back: whole when it holds no backslash, tab, newline or carriage
     * return (found by {@link String#indexOf(int)}, which scans many characters at a time), else character by
     * character with those four escaped.
     */
    private static void escaped(StringBuilder text, String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
