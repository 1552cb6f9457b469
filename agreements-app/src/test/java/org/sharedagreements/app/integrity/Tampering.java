package org.sharedagreements.app.integrity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes one agreement's stored events through SQL as someone with direct database access would, past the
 * table's immutability triggers, and puts every row back exactly as it was on {@link #close()}. The tests share
 * one database, and a tampered event left behind would break others that read every event again (a projection
 * replay cannot deserialize a payload with a changed byte).
 */
final class Tampering implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String agreementId;
    private final List<Map<String, Object>> original;

    private Tampering(JdbcTemplate jdbc, String agreementId) {
        this.jdbc = jdbc;
        this.agreementId = agreementId;
        this.original = jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?",
                agreementId);
    }

    static Tampering of(JdbcTemplate jdbc, String agreementId) {
        return new Tampering(jdbc, agreementId);
    }

    /** Runs the statements in one transaction, with triggers off for this connection only. */
    Tampering run(String... statements) {
        asReplica(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
        });
        return this;
    }

    /** Puts the agreement's rows back byte for byte, hashes and global indexes included. */
    @Override
    public void close() {
        asReplica(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM domain_event_entry WHERE aggregate_identifier = ?")) {
                delete.setString(1, agreementId);
                delete.executeUpdate();
            }
            for (Map<String, Object> row : original) {
                List<String> columns = new ArrayList<>(row.keySet());
                String sql = "INSERT INTO domain_event_entry (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, row.get(columns.get(i)));
                    }
                    insert.executeUpdate();
                }
            }
        });
    }

    private interface Work {
        void on(java.sql.Connection connection) throws java.sql.SQLException;
    }

    private void asReplica(Work work) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                work.on(connection);
                connection.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return null;
        });
    }
}
