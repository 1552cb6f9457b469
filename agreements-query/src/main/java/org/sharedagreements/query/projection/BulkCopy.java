package org.sharedagreements.query.projection;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows streamed into a table with PostgreSQL's {@code COPY ... FROM STDIN} on the connection of the caller's
 * transaction: the bulk path a rebuild fills the shadow tables by ({@link ReadModelTables}). Values are written as
 * CSV, each quoted; {@code null} is an unquoted empty field, so an empty text stays an empty text.
 */
public final class BulkCopy {

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
        StringBuilder csv = new StringBuilder(rows.size() * 1024);
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
        }
        // the text as UTF-8 bytes in one write: a Reader would be copied again, chunk by chunk, to be encoded
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)");
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return copied == null ? 0 : copied;
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
