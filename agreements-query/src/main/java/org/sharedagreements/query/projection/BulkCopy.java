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
 * transaction: the bulk path a rebuild fills the shadow tables by ({@link ReadModelTables}). Values are written as
 * CSV, each quoted; {@code null} is an unquoted empty field, so an empty text stays an empty text.
 */
public final class BulkCopy {

    /** Characters of CSV sent to PostgreSQL at a time (see {@link #send}). */
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
                    .copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)");
            try {
                StringBuilder csv = new StringBuilder(CHUNK + CHUNK / 4);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        if (row[i] != null) {
                            quoted(csv, row[i].toString());
                        }
                    }
                    csv.append('\n');
                    if (csv.length() >= CHUNK) {
                        send(copy, csv);
                    }
                }
                send(copy, csv);
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
    private static void send(CopyIn copy, StringBuilder csv) throws SQLException {
        if (csv.length() == 0) {
            return;
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** The value between quotes, each quote in it doubled; copied in runs between quotes, not char by char. */
    private static void quoted(StringBuilder csv, String value) {
        csv.append('"');
        int from = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
            csv.append(value, from, quote + 1).append('"');
            from = quote + 1;
        }
        csv.append(value, from, value.length()).append('"');
    }
}
