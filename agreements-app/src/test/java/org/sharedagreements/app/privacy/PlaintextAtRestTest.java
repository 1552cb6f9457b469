package org.sharedagreements.app.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.sharedagreements.app.privacy.AtRestScanner.Finding;
import org.sharedagreements.app.privacy.AtRestScanner.Needle;
import org.sharedagreements.app.privacy.AtRestScanner.Scan;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.OwnDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, privacy by construction, as a person with the database's files would check it: after a couple used
 * every free-text field of the API, no text they wrote and no user id (partners, an invitee, a counsellor) is
 * anywhere in the database in the clear, neither in any row of any table (scan A) nor in any file of the data
 * directory (scan B: relation files with their dead tuples, indexes, the WAL, statistics); and after the
 * agreement's erasure still nowhere.
 * <p>
 * A context and an embedded PostgreSQL of its own ({@link OwnDatabase}), so the database holds this test's data
 * only: the enum words of this agreement's content (its boundary category, its red flag indicator) are looked for
 * too, in table data only (scan A), where no other agreement can have put them. Every value looked for is random
 * and unique to the run ({@code mk} or {@code uid} and 20 random lowercase letters and digits), so another row,
 * another run or the control test cannot produce a false finding.
 * <p>
 * Texts are kept short (a marker each, well under 2 kB) so PostgreSQL stores them uncompressed: a value TOAST
 * compresses (pglz, from about 2 kB a row) is not found by scan B in its compressed bytes, only by scan A, which
 * reads it decompressed.
 */
@SpringBootTest(classes = AgreementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaintextAtRestTest {

    private static final Path DATA = OwnDatabase.directory("agreements-privacy-");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CATEGORY = "DIGITAL_PRIVACY";
    private static final String INDICATOR = "RESENTMENT";

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    private Api api;
    private AtRestScanner scanner;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, DATA);
    }

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port, ApiTest.SECRET);
        scanner = new AtRestScanner(dataSource);
    }

    @Test
    void noTextAndNoUserIdIsStoredInTheClearBeforeOrAfterErasure() {
        Map<String, String> markers = new LinkedHashMap<>();
        String partner1 = id(markers, "partner-1 id", "uid");
        String partner2 = id(markers, "partner-2 id", "uid");
        String invitee = id(markers, "invitee id", "uid");
        String counsellor = id(markers, "counsellor id", "uid");
        Api.Caller first = api.as(partner1);
        Api.Caller second = api.as(partner2);

        // drafted, with an idempotency key (the key table keeps the first response for a retry)
        Api.Response drafted = api.as(partner1).header("Idempotency-Key", "draft-" + UUID.randomUUID())
                .post("/api/agreements", Map.of("title", id(markers, "title", "mk")));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String path = "/api/agreements/" + drafted.field("agreementId");
        ok(first.post(path + "/invitations", Map.of("partnerId", partner2)));
        ok(second.post(path + "/join"));
        ok(api.as(partner1).header("Idempotency-Key", "invite-" + UUID.randomUUID())
                .post(path + "/invitations", Map.of("partnerId", invitee)));

        // a boundary with all its terms, accepted: ACTIVE
        Api.Response proposed = first.post(path + "/boundaries", Map.of("category", CATEGORY,
                "statement", id(markers, "boundary statement", "mk"),
                "measure", id(markers, "boundary measure", "mk"),
                "consequence", id(markers, "boundary consequence", "mk"), "reviewEvery", "P30D"));
        ok(proposed);
        String boundary = path + "/boundaries/" + proposed.field("boundaryId");
        ok(second.post(boundary + "/acceptances", Map.of("boundaryVersion", 1)));

        // a breach reported by one, acknowledged and resolved with a note; a breach self-disclosed
        Api.Response reported = first.post(path + "/breaches", Map.of("boundaryId", proposed.field("boundaryId"),
                "breachedBy", partner2, "description", id(markers, "breach description", "mk"),
                "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
        ok(reported);
        String breach = path + "/breaches/" + reported.field("breachId");
        ok(second.post(breach + "/acknowledgement"));
        ok(first.post(breach + "/resolutions", Map.of("note", id(markers, "breach resolution note", "mk"))));
        ok(api.as(partner2).header("Idempotency-Key", "disclose-" + UUID.randomUUID())
                .post(path + "/breaches", Map.of("boundaryId", proposed.field("boundaryId"), "breachedBy", partner2,
                        "description", id(markers, "self-disclosed breach description", "mk"),
                        "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString())));

        // a red flag with a note, addressed with a note
        Api.Response flagged = second.post(path + "/red-flags", Map.of("indicator", INDICATOR,
                "note", id(markers, "red flag note", "mk")));
        ok(flagged);
        ok(first.post(path + "/red-flags/" + flagged.field("flagId") + "/addressing",
                Map.of("note", id(markers, "red flag addressing note", "mk"))));

        // revisions: one declined with a reason, one withdrawn by its proposer; then consent withdrawn with a reason
        ok(first.post(boundary + "/revisions", Map.of("category", CATEGORY,
                "statement", id(markers, "declined revision statement", "mk"),
                "measure", id(markers, "declined revision measure", "mk"),
                "consequence", id(markers, "declined revision consequence", "mk"))));
        ok(second.post(boundary + "/declines", Map.of("boundaryVersion", 2,
                "reason", id(markers, "decline reason", "mk"))));
        ok(first.post(boundary + "/revisions", Map.of("category", CATEGORY,
                "statement", id(markers, "withdrawn revision statement", "mk"),
                "measure", id(markers, "withdrawn revision measure", "mk"),
                "consequence", id(markers, "withdrawn revision consequence", "mk"))));
        ok(first.post(boundary + "/withdrawal"));
        ok(second.post(boundary + "/consent-withdrawals", Map.of("reason", id(markers, "consent withdrawal reason", "mk"))));

        // counsellor access, requested by one partner and approved by the other: GRANTED
        ok(first.post(path + "/counsellors", Map.of("counsellorId", counsellor)));
        long last = ok(second.post(path + "/counsellors/" + counsellor + "/approvals")).version();
        awaitApplied(first, path, last);
        assertThat(api.as(counsellor, "counsellor").get(path).status()).as("the grant is applied").isEqualTo(200);

        List<Needle> values = markers.entrySet().stream().map(e -> new Needle(e.getKey(), e.getValue())).toList();
        List<Needle> tableNeedles = new ArrayList<>(values);
        // enum words of the content: in table data only (scan B would find them in no file either, but a catalog
        // or a system file may name them legitimately one day; a row of this database may not)
        tableNeedles.add(new Needle("boundary category " + CATEGORY, CATEGORY));
        tableNeedles.add(new Needle("red flag indicator " + INDICATOR, INDICATOR));

        Map<String, List<Finding>> leaks = new LinkedHashMap<>();
        scanEverything("before erasure", tableNeedles, values, leaks);

        Api.Response erased = first.post(path + "/erasure");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        awaitApplied(first, path, erased.version());
        assertThat(first.get(path).field("status")).isEqualTo("ERASED");
        scanEverything("after erasure", tableNeedles, values, leaks);

        assertThat(leaks.values().stream().mapToInt(List::size).sum())
                .withFailMessage(() -> report(leaks, markers))
                .isZero();
    }

    /**
     * The scanner finds what it is meant to find: control values written straight into a throwaway table (text,
     * JSON as bytea, jsonb) are found by both scans, in their columns and in relation and WAL files, and a value
     * stored nowhere is not found. Its values are its own, so the bytes it leaves behind in the WAL after the drop
     * cannot be taken for a leak by the other test. Not a temporary table: those live in the session's local
     * buffers, which no checkpoint writes, and in no WAL.
     */
    @Test
    void theScannerFindsValuesPlantedInATableAndItsFiles() throws IOException {
        String table = "privacy_scan_control_" + random(8);
        Needle text = new Needle("control text", "ctl" + random(20));
        Needle jsonBytes = new Needle("control json bytea", "ctl" + random(20));
        Needle jsonb = new Needle("control jsonb", "ctl" + random(20));
        Needle nowhere = new Needle("control stored nowhere", "ctl" + random(20));
        List<Needle> needles = List.of(text, jsonBytes, jsonb, nowhere);
        jdbc.execute("CREATE TABLE " + table + " (id int, note text, payload bytea, document jsonb)");
        try {
            jdbc.update("INSERT INTO " + table + " VALUES (1, ?, ?, ?::jsonb)", "a note: " + text.value(),
                    ("{\"description\":\"" + jsonBytes.value() + "\"}").getBytes(StandardCharsets.UTF_8),
                    "{\"note\":\"" + jsonb.value() + "\"}");
            scanner.flushToDisk();

            Scan tables = scanner.scanTables(needles);
            assertThat(tables.scanned()).contains("public.domain_event_entry", "public.flyway_schema_history",
                    "public.token_entry", "public.dead_letter_entry", "public.snapshot_event_entry",
                    "public.scheduled_tasks", "pg_catalog.pg_statistic");
            assertThat(tables.scanned()).anyMatch(t -> t.startsWith("pg_toast."));
            assertThat(tables.findings()).contains(
                    new Finding("public." + table + ".note", text.role()),
                    new Finding("public." + table + ".payload (bytea as bytes)", jsonBytes.role()),
                    new Finding("public." + table + ".document", jsonb.role()));
            assertThat(tables.findings()).extracting(Finding::role).doesNotContain(nowhere.role());

            Path directory = scanner.dataDirectory();
            assertThat(Files.isSameFile(directory, DATA.resolve("postgres"))).as(directory.toString()).isTrue();
            Scan files = scanner.scanDataDirectory(directory, needles);
            assertThat(files.scanned()).anyMatch(f -> f.startsWith("pg_wal/")).anyMatch(f -> f.startsWith("base/"));
            for (Needle planted : List.of(text, jsonBytes, jsonb)) {
                List<String> where = files.findings().stream().filter(f -> f.role().equals(planted.role()))
                        .map(Finding::where).toList();
                assertThat(where).as(planted.role()).anyMatch(f -> f.startsWith("pg_wal/"))
                        .anyMatch(f -> f.startsWith("base/") && f.contains("(public." + table + ")"));
            }
            assertThat(files.findings()).extracting(Finding::role).doesNotContain(nowhere.role());
        } finally {
            jdbc.execute("DROP TABLE " + table);
        }
    }

    private void scanEverything(String phase, List<Needle> tableNeedles, List<Needle> values,
                                Map<String, List<Finding>> leaks) {
        scanner.flushToDisk();
        Scan tables = scanner.scanTables(tableNeedles);
        assertThat(tables.scanned()).as("scan A reads the event store, Axon's, Flyway's and the deadlines' tables")
                .contains("public.domain_event_entry", "public.flyway_schema_history", "public.token_entry",
                        "public.dead_letter_entry", "public.snapshot_event_entry", "public.scheduled_tasks");
        assertThat(tables.unreadable()).as("a table scan A cannot read would be a blind spot").isEmpty();
        Path directory = scanner.dataDirectory();
        assertThat(Files.isDirectory(directory)).as(directory.toString()).isTrue();
        Scan files = scanner.scanDataDirectory(directory, values);
        assertThat(files.scanned()).as("scan B reads relation files and the WAL")
                .anyMatch(f -> f.startsWith("base/")).anyMatch(f -> f.startsWith("pg_wal/"));
        leaks.put(phase + ", scan A (rows of " + tables.scanned().size() + " tables"
                + unreadable(tables) + ")", tables.findings());
        leaks.put(phase + ", scan B (" + files.scanned().size() + " files under " + directory
                + unreadable(files) + ")", files.findings());
    }

    private static String unreadable(Scan scan) {
        return scan.unreadable().isEmpty() ? "" : "; unreadable: " + scan.unreadable();
    }

    /** Every finding, grouped by place, with the roles of the values found there. */
    private static String report(Map<String, List<Finding>> leaks, Map<String, String> markers) {
        StringBuilder report = new StringBuilder("plaintext at rest: ")
                .append(leaks.values().stream().mapToInt(List::size).sum()).append(" findings\n");
        leaks.forEach((phase, findings) -> {
            report.append("== ").append(phase).append(": ").append(findings.size()).append(" findings\n");
            findings.stream().collect(Collectors.groupingBy(Finding::where, LinkedHashMap::new,
                            Collectors.mapping(Finding::role, Collectors.toList())))
                    .forEach((where, roles) -> report.append("  ").append(where).append(": ")
                            .append(String.join(", ", roles)).append('\n'));
        });
        report.append("values looked for: ").append(markers);
        return report.toString();
    }

    private static void awaitApplied(Api.Caller caller, String path, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> caller.get(path + "?minVersion=" + version).status() == 200);
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }

    /** A fresh random value for a role, remembered as something that must not be stored in the clear. */
    private static String id(Map<String, String> markers, String role, String prefix) {
        String value = prefix + random(20);
        markers.put(role, value);
        return value;
    }

    private static String random(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
