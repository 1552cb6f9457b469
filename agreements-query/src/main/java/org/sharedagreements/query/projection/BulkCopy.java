package org.sharedagreements.query.projection;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
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
        StringBuilder csv = new StringBuilder(rows.size() * 512);
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
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new DataAccessResourceFailureException("COPY into " + target + " failed", e);
            }
        });
        return copied == null ? 0 : copied;
    }

    private static void quoted(StringBuilder csv, String value) {
        csv.append('"');
        if (value.indexOf('"') < 0) {
            csv.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}
