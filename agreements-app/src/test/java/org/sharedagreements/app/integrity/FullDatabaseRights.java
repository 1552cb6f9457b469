package org.sharedagreements.app.integrity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tampers with one agreement as the owner of the tables (the database superuser of the tests) can: every trigger
 * of the event and checkpoint tables switched off ({@code ALTER TABLE ... DISABLE TRIGGER ALL}, the chain trigger
 * and the immutability triggers alike), statements run, triggers switched on again, all in one transaction. On
 * {@link #close()} both tables' rows of the agreement are put back byte for byte, so no other test of the shared
 * database meets a tampered event.
 */
final class FullDatabaseRights implements AutoCloseable {

    private static final List<String> TABLES = List.of("domain_event_entry", "chain_checkpoint");

    private final JdbcTemplate jdbc;
    private final String agreementId;
    private final List<Map<String, Object>> events;
    private final List<Map<String, Object>> checkpoints;

    private FullDatabaseRights(JdbcTemplate jdbc, String agreementId) {
        this.jdbc = jdbc;
        this.agreementId = agreementId;
        this.events = jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?",
                agreementId);
        this.checkpoints = jdbc.queryForList("SELECT * FROM chain_checkpoint WHERE agreement_id = ?::uuid",
                agreementId);
    }

    static FullDatabaseRights over(JdbcTemplate jdbc, String agreementId) {
        return new FullDatabaseRights(jdbc, agreementId);
    }

    /**
     * A PL/pgSQL block that recomputes every stored hash of the agreement with the published formula
     * (docs/contract.md, "Hash chain"), so that the chain is consistent again after a rewrite.
     */
    static String recomputeEveryHash(String agreementId) {
        return """
                DO $$
                DECLARE
                    event RECORD;
                    previous TEXT := repeat('0', 64);
                BEGIN
                    FOR event IN SELECT global_index, sequence_number, payload_type, time_stamp, payload
                                 FROM domain_event_entry WHERE aggregate_identifier = '%1$s'
                                 ORDER BY sequence_number LOOP
                        previous := encode(sha256(convert_to(previous || '|' || '%1$s' || '|'
                                || event.sequence_number || '|' || regexp_replace(event.payload_type, '^.*[.$]', '')
                                || '|' || to_char(event.time_stamp::timestamptz AT TIME ZONE 'UTC',
                                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                                || '|' || encode(sha256(event.payload), 'hex'), 'UTF8')), 'hex');
                        UPDATE domain_event_entry SET hash = previous WHERE global_index = event.global_index;
                    END LOOP;
                END
                $$""".formatted(agreementId);
    }

    /** Runs the statements in one transaction with every trigger of both tables disabled. */
    FullDatabaseRights run(String... statements) {
        inTransactionWithoutTriggers(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        });
        return this;
    }

    @Override
    public void close() {
        inTransactionWithoutTriggers(connection -> {
            restore(connection, "domain_event_entry", "aggregate_identifier = ?", events);
            restore(connection, "chain_checkpoint", "agreement_id = ?::uuid", checkpoints);
        });
    }

    private void restore(Connection connection, String table, String where, List<Map<String, Object>> rows)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
            delete.setString(1, agreementId);
            delete.executeUpdate();
        }
        for (Map<String, Object> row : rows) {
            List<String> columns = new ArrayList<>(row.keySet());
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, row.get(columns.get(i)));
                }
                insert.executeUpdate();
            }
        }
    }

    private interface Work {
        void on(Connection connection) throws SQLException;
    }

    private void inTransactionWithoutTriggers(Work work) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
                }
                work.on(connection);
                for (String table : TABLES) {
                    statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER ALL");
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
