package org.sharedagreements.app.restart;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.Couple;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A review deadline stored before the service stops fires after it starts again: the deadline lives in
 * PostgreSQL (db-scheduler's {@code scheduled_tasks}), not in the memory of the process that scheduled it. The
 * service runs twice on one embedded PostgreSQL data directory, with the same secret and master key; in between,
 * the stored deadline is moved to now instead of waiting 30 days.
 */
class ReviewDeadlineRestartTest {

    private static final String SECRET = "restart-test-secret-that-is-at-least-32-bytes";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aReviewDeadlineScheduledBeforeARestartFiresAfterIt() throws IOException {
        Path data = Files.createTempDirectory("agreements-restart-");
        String agreement;
        String boundary;
        long versionBefore;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = api(first);
            Couple couple = Couple.formed(api, "restart-ava", "restart-ben");
            boundary = couple.activeBoundary("DIGITAL_PRIVACY");
            agreement = couple.agreementId;
            JdbcTemplate jdbc = jdbc(first);
            List<Timestamp> due = jdbc.queryForList("SELECT execution_time FROM scheduled_tasks "
                    + "WHERE position(? in task_data) > 0", Timestamp.class, marker(boundary));
            assertThat(due).as("the review deadline is stored").hasSize(1);
            assertThat(due.get(0).toInstant()).isAfter(Instant.now().plus(Duration.ofDays(29)));
            versionBefore = storedEvents(jdbc, agreement).size() - 1;
        }

        // the service is down: move the stored deadline to now, straight in its database
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
            assertThat(storedEvents(jdbc, agreement)).doesNotContain("BoundaryReviewDue");
            assertThat(jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE position(? in task_data) > 0",
                    marker(boundary))).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = start(data)) {
            JdbcTemplate jdbc = jdbc(second);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(storedEvents(jdbc, agreement)).endsWith("BoundaryReviewDue"));
            Api.Response state = api(second).as("restart-ava").get("/api/agreements/" + agreement + "?minVersion="
                    + (versionBefore + 1));
            assertThat(state.status()).as(state.toString()).isEqualTo(200);
            assertThat(state.body().path("boundaries").get(0).path("reviewDue").asBoolean()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(AgreementsApplication.class).run(
                "--server.port=0",
                "--agreements.embedded.data-dir=" + data.resolve("postgres"),
                "--agreements.security.local-secret-file=" + data.resolve("jwt-secret"),
                "--agreements.security.jwt.hmac-secret=" + SECRET,
                "--agreements.crypto.master-key=" + MASTER_KEY,
                "--db-scheduler.polling-interval=1s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort(), SECRET);
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    private static byte[] marker(String boundary) {
        return boundary.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> storedEvents(JdbcTemplate jdbc, String agreement) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, agreement).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
