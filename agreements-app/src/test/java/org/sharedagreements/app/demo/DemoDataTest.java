package org.sharedagreements.app.demo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo seeds a few months of a couple's history once, through commands, with the dates it would have had.
 * A context of its own: with {@code agreements.demo} the service's clock is the {@link DemoClock} and the seeder
 * runs at start-up.
 */
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agreements.demo=true")
class DemoDataTest {

    private static final Path DATA = OwnDatabase.directory("agreements-demo-");

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DemoData demo;

    @Autowired
    private Clock clock;

    private Api api;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, DATA);
    }

    @BeforeEach
    void api() {
        api = new Api("http://localhost:" + port, ApiTest.SECRET);
    }

    @Test
    void seedsMonthsOfHistoryOnceAndAlexCanReadIt() {
        long seeded = seededEvents();
        demo.run(null);

        assertThat(clock).isInstanceOf(DemoClock.class);
        assertThat(seeded).isGreaterThan(25);
        assertThat(seededEvents()).as("a second run adds nothing").isEqualTo(seeded);
        List<String> types = jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, DemoData.AGREEMENT.toString());
        assertThat(String.join(",", types)).contains("BoundaryDeclined", "BoundaryBroken", "BreachResolved",
                "ConsentWithdrawn", "BoundaryReinstated", "RedFlagAddressed", "CounsellorAccessGranted");
        Instant first = Instant.parse(jdbc.queryForObject("SELECT min(time_stamp) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, DemoData.AGREEMENT.toString()));
        assertThat(first).isBefore(Instant.now().minus(100, ChronoUnit.DAYS));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE time_stamp > ?", Long.class,
                Instant.now().plusSeconds(60).toString())).as("the real clock is back").isZero();
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));

        assertThat(api.as("alex").get("/api/agreements/" + DemoData.AGREEMENT + "?minVersion=" + (seeded - 1)).status())
                .isEqualTo(200);
        assertThat(api.as("dr-rivera", "counsellor").get("/api/agreements/" + DemoData.AGREEMENT).status())
                .as("the counsellor both partners granted").isEqualTo(200);
        assertThat(api.as("sam").post("/api/agreements/" + DemoData.AGREEMENT + "/red-flags",
                Map.of("indicator", "STRESS")).status()).isEqualTo(201);
    }

    /** What the seeder wrote; review deadlines of the seeded boundaries may add BoundaryReviewDue at any moment. */
    private long seededEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type NOT LIKE '%BoundaryReviewDue'", Long.class, DemoData.AGREEMENT.toString());
        return count == null ? 0 : count;
    }
}
