package org.sharedagreements.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL for the projection tests of this module, migrated with the application's own Flyway
 * migrations (read from agreements-app's sources), started once per test JVM.
 */
public final class ReadModelDatabase {

    private static final Path MIGRATIONS = Path.of("../agreements-app/src/main/resources/db/migration");
    private static DataSource dataSource;

    private ReadModelDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                if (!Files.isDirectory(MIGRATIONS)) {
                    throw new IllegalStateException("migrations not found at " + MIGRATIONS.toAbsolutePath());
                }
                // durable commits, as in production (zonky's default is synchronous_commit=off)
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                dataSource = postgres.getPostgresDatabase();
                Flyway.configure().dataSource(dataSource)
                        .locations("filesystem:" + MIGRATIONS.toAbsolutePath()).load().migrate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataSource;
    }

    /** A JdbcTemplate on an emptied read side. */
    public static JdbcTemplate emptied() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        jdbc.execute("TRUNCATE projection_progress, agreement_state, agreement_access, timeline_event, "
                + "boundary_version, dead_letter_entry");
        return jdbc;
    }
}
