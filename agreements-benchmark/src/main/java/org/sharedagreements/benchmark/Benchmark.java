package org.sharedagreements.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.sharedagreements.kernel.PartnerId;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark of README "Performance": the service on PostgreSQL (fsync and synchronous_commit on) against the physical limit of the
 * same machine in the same run. Command throughput and latency at 1, 4 and 16 clients on distinct agreements and
 * on one hot agreement, against single-row INSERT+COMMIT through JDBC at the same concurrency; rebuild speed of the
 * read models over a million stored events, against reading and deserializing them straight from the table; read
 * latencies; peak heap and start-up time. Prints a table and writes {@code target/benchmark.json}.
 * <p>
 * {@code --smoke} runs every step on tiny sizes (a check that the benchmark works, not a measurement).
 */
public final class Benchmark {

    private static final String SECRET = "benchmark-secret-that-is-at-least-32-bytes";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String BLIND_INDEX_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String CHECKPOINT_SIGNING_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int[] CLIENTS = {1, 4, 16};
    /** The service's heap limit: the target is a peak under 512 MB, so the whole run must fit in it. */
    private static final String SERVICE_MAX_HEAP = "512m";

    /** The user-shaped load of issue 15: 200 agreements, two partners each with their own token, 16 connections. */
    private static final int USER_AGREEMENTS = 200;
    private static final int USER_CLIENTS = 16;
    /** The command rate the read latencies are measured under (issue 15's target: state and timeline under it). */
    private static final int COMMANDS_UNDER_READS = 1_000;

    private final AtomicLong userErrors = new AtomicLong();
    private final boolean smoke;
    private final int rebuildAgreementsOverride;
    private final int commandsPerClientOverride;
    private final List<String> only;
    /** Warm-up of the user-shaped load before it is measured: issue 15's setup says 10 s. */
    private int warmUpSeconds = 10;
    /** {@code --statements}: PostgreSQL records its statements (pg_stat_statements) and the user step lists them. */
    private boolean statements;
    /**
     * The service runs as the README's production section deploys it: its jar extracted, with a class-data sharing
     * archive from a training run; {@code --no-cds} runs the packaged jar as it is ({@code java -jar}).
     */
    private boolean cds = true;
    /**
     * {@code --profile}: the service runs under Flight Recorder, and the user step's CPU per command, and the rebuild's
     * per event, are split by the part of the code they run in ({@link Profile}); the recording slows the service
     * down, so that run's rates are not measurements.
     */
    private boolean profile;
    private static final Path RECORDING = Path.of("service.jfr").toAbsolutePath();
    /** The user step's measured window and its CPU per command by thread group, for {@link Profile}. */
    private Instant profiledFrom;
    private Instant profiledTo;
    private final Map<String, Double> profiledMs = new LinkedHashMap<>();
    /** The rebuild's window and the service's CPU per rebuilt event, for {@link Profile#rebuildBreakdown}. */
    private Instant rebuiltFrom;
    private Instant rebuiltTo;
    private double rebuildServiceMicros;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private String base;

    private Benchmark(boolean smoke, int rebuildAgreements, int commandsPerClient, List<String> only) {
        this.smoke = smoke;
        this.rebuildAgreementsOverride = rebuildAgreements;
        this.commandsPerClientOverride = commandsPerClient;
        this.only = only;
    }

    private boolean measures(String part) {
        return only.isEmpty() || only.contains(part);
    }

    /**
     * Arguments: {@code --smoke}; {@code --rebuild-events=N} (default 1,000,000; stored as N/100 agreements);
     * {@code --commands-per-client=N} (default 600); {@code --only=user,commands,reads,rebuild} (default: all of them;
     * for comparing one part before and after a change); {@code --warm-up-seconds=N} (default 10) of the
     * user-shaped load; {@code --statements} (see {@link #statements}); {@code --no-cds} (see {@link #cds});
     * {@code --profile} (see {@link #profile}).
     */
    public static void main(String[] arguments) throws Exception {
        // Maven hands -Dbenchmark.args over as one argument
        String[] args = String.join(" ", arguments).trim().split("\\s+");
        boolean smoke = List.of(args).contains("--smoke");
        int rebuildAgreements = 0;
        int commandsPerClient = 0;
        List<String> only = List.of();
        for (String arg : args) {
            if (arg.startsWith("--rebuild-events=")) {
                rebuildAgreements = Math.max(1, Integer.parseInt(arg.substring("--rebuild-events=".length())) / 100);
            } else if (arg.startsWith("--commands-per-client=")) {
                commandsPerClient = Integer.parseInt(arg.substring("--commands-per-client=".length()));
            } else if (arg.startsWith("--only=")) {
                only = List.of(arg.substring("--only=".length()).split(","));
            }
        }
        Benchmark benchmark = new Benchmark(smoke, rebuildAgreements, commandsPerClient, only);
        for (String arg : args) {
            if (arg.startsWith("--warm-up-seconds=")) {
                benchmark.warmUpSeconds = Integer.parseInt(arg.substring("--warm-up-seconds=".length()));
            }
            benchmark.statements |= arg.equals("--statements");
            benchmark.cds &= !arg.equals("--no-cds") && !smoke;
            benchmark.profile |= arg.equals("--profile");
        }
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        int commandsPerClient = commandsPerClientOverride > 0 ? commandsPerClientOverride : smoke ? 20 : 600;
        int rebuildAgreements = rebuildAgreementsOverride > 0 ? rebuildAgreementsOverride : smoke ? 20 : 10_000;
        int eventsPerAgreement = 100;
        Path data = Files.createTempDirectory("agreements-benchmark-");
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(true).setServerConfig("max_connections", "300")
                // durable commits, as in production (zonky starts PostgreSQL with fsync and synchronous_commit
                // off), for the service and the baseline alike
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        if (statements) {
            server.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        try (EmbeddedPostgres postgres = server.start();
             HikariDataSource dataSource = dataSource(postgres)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            if (statements) {
                execute(dataSource, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            results.put("date", LocalDate.now().toString());
            results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "memoryGiB", totalMemoryGiB(), "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
            results.put("smoke", smoke);

            // 1. Stored events for the rebuild and the read latencies, written as the service would write them.
            EventGenerator generator = new EventGenerator(dataSource, MASTER_KEY);
            PartnerId owner = PartnerId.of("bench-owner");
            long started = System.nanoTime();
            String thousand;
            String tenThousand;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                for (int i = 0; i < rebuildAgreements; i++) {
                    generator.agreement(connection, owner, eventsPerAgreement - 1);
                    if (i % 50 == 49) {
                        connection.commit();
                    }
                }
                thousand = generator.agreement(connection, owner, smoke ? 49 : 999);
                tenThousand = generator.agreement(connection, owner, smoke ? 199 : 9_999);
                connection.commit();
            }
            long stored = count(dataSource, "SELECT count(*) FROM domain_event_entry");
            log("generated %,d stored events in %.1f s", stored, seconds(started));

            // 2. Baseline of the rebuild: JDBC + Jackson straight from the table. PostgreSQL first settles what the
            // million inserts left it to do (vacuum, statistics, dirty pages), which otherwise runs during one
            // measurement and not another; of two reads the faster counts, the machine's limit as it stands.
            double rawRate = 0;
            if (measures("rebuild")) {
                execute(dataSource, "VACUUM ANALYZE domain_event_entry");
                execute(dataSource, "CHECKPOINT");
                List<Double> rates = new ArrayList<>();
                for (int pass = 0; pass < 2; pass++) {
                    started = System.nanoTime();
                    long read = generator.readAndDeserializeAll();
                    rates.add(read / seconds(started));
                }
                rawRate = Collections.max(rates);
                log("raw read and deserialize: %,.0f and %,.0f ev/s", rates.get(0), rates.get(1));
            }

            // 3. The service, started on that database; its projections build the read models from scratch.
            Path archive = cds ? trainedArchive(postgres.getPort()) : null;
            Instant launch = Instant.now();
            Process service = startService(postgres.getPort(), archive);
            try {
                double startupSeconds = awaitReady(launch);
                results.put("startupSeconds", round(startupSeconds));
                HeapWatch heap = new HeapWatch();
                heap.start();
                started = System.nanoTime();
                awaitProjectionsAt(head(dataSource), Duration.ofMinutes(30));
                double initialBuild = seconds(started);

                // 4a. The load people produce (issue 15): many agreements, a token per person, 16 connections.
                if (measures("user")) {
                    int payloadSize = redFlagPayloadSize(dataSource);
                    int agreements = smoke ? 10 : USER_AGREEMENTS;
                    List<String[]> couples = couples(agreements);
                    userShaped(couples, smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(warmUpSeconds), 0); // warm-up
                    if (statements) {
                        execute(dataSource, "SELECT pg_stat_statements_reset()");
                    }
                    Cpu before = Cpu.now(service, data);
                    Map<String, Double> threadsBefore = Cpu.byThread(service);
                    Instant from = Instant.now();
                    Stats user = userShaped(couples, smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(30), 0);
                    // for a profile of the service (--profile, or BENCHMARK_SERVICE_JAVA_OPTS): the window to look at
                    profiledFrom = from;
                    profiledTo = Instant.now();
                    log("user-shaped load measured from %s to %s", from, profiledTo);
                    long errors = userErrors.get();
                    // the read models' work for these commands counts too: the CPU is read once they caught up
                    awaitProjectionsAt(head(dataSource), Duration.ofMinutes(5));
                    Cpu used = Cpu.now(service, data).minus(before);
                    Map<String, Double> threadsAfter = Cpu.byThread(service);
                    Stats baseline = baselineInserts(dataSource, USER_CLIENTS,
                            Math.max(1, user.count() / USER_CLIENTS), payloadSize);
                    Map<String, Object> described = new LinkedHashMap<>(describe(user));
                    described.put("errors", errors);
                    described.put("agreements", agreements);
                    described.put("baseline", describe(baseline));
                    described.put("toBaseline", round(user.perSecond() / baseline.perSecond()));
                    double serviceMs = used.serviceSeconds() * 1000 / user.count();
                    double postgresMs = used.postgresSeconds() * 1000 / user.count();
                    described.put("serviceCpuMillisPerCommand", round(serviceMs * 100) / 100.0);
                    described.put("postgresCpuMillisPerCommand", round(postgresMs * 100) / 100.0);
                    row("commands, %2d clients, " + agreements + " agreements, a token each", user, baseline);
                    if (errors > 0) {
                        table.add("  errors in the user-shaped load: " + errors);
                    }
                    table.add(String.format(Locale.ROOT, "%-44s service %.3f ms  PostgreSQL %.3f ms  (2 cores: %,.0f/s at this cost)",
                            "CPU per command (read models included)", serviceMs, postgresMs,
                            Runtime.getRuntime().availableProcessors() * 1000 / (serviceMs + postgresMs)));

                    Map<String, Object> byThread = new LinkedHashMap<>();
                    StringBuilder parts = new StringBuilder();
                    threadsAfter.forEach((group, seconds) -> {
                        double ms = (seconds - threadsBefore.getOrDefault(group, 0.0)) * 1000 / user.count();
                        byThread.put(group, round(ms * 100) / 100.0);
                        profiledMs.put(group, ms);
                        parts.append(String.format(Locale.ROOT, "  %s %.2f", group, ms));
                    });
                    described.put("serviceCpuMillisPerCommandByThread", byThread);
                    table.add(String.format(Locale.ROOT, "%-44s%s", "  service CPU per command by thread, ms", parts));
                    if (statements) {
                        table.addAll(statementsPerCommand(dataSource, user.count()));
                    }

                    // the same clients, all on one agreement (as either of its partners)
                    Stats hot = userShaped(couples.subList(0, 1), smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(15), 0);
                    described.put("hotAgreement", describe(hot));
                    described.put("hotErrors", userErrors.get());
                    described.put("hotToUserShaped", round(hot.perSecond() / user.perSecond()));
                    table.add(String.format(Locale.ROOT, "%-44s %,8.0f/s  p50 %6.2f ms  p99 %6.2f ms  %.2f of the above%s",
                            "commands, 16 clients, one hot agreement", hot.perSecond(), hot.p50Millis(), hot.p99Millis(),
                            hot.perSecond() / user.perSecond(), userErrors.get() > 0 ? "  errors " + userErrors.get() : ""));

                    // reads while commands arrive at a steady 1,000/s (or as close as the service gets)
                    ReadsUnderLoad underLoad = readsUnderLoad(couples, smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(20),
                            COMMANDS_UNDER_READS);
                    described.put("readsUnderLoad", Map.of("commandsPerSecond", round(underLoad.commands().perSecond()),
                            "commandErrors", underLoad.commandErrors(), "state", describe(underLoad.state()),
                            "timelinePage", describe(underLoad.timeline())));
                    for (Stats stats : List.of(underLoad.state(), underLoad.timeline())) {
                        table.add(String.format(Locale.ROOT, "%-44s p50 %7.2f ms  p99 %7.2f ms  (commands meanwhile %,.0f/s)",
                                stats.name(), stats.p50Millis(), stats.p99Millis(), underLoad.commands().perSecond()));
                    }
                    results.put("userShaped", described);
                }

                // 4b. Commands against their baseline.
                if (measures("commands")) {
                    int payloadSize = redFlagPayloadSize(dataSource);
                    // warm-up, not measured: the service's JIT compiler is the busiest thread for its first minute
                    int warmUp = smoke ? 10 : 1_500;
                    commands(4, warmUp, false);
                    commands(4, warmUp, true);
                    baselineInserts(dataSource, 4, warmUp, payloadSize);
                    Map<String, Object> commands = new LinkedHashMap<>();
                    for (int clients : CLIENTS) {
                        Stats distinct = commands(clients, commandsPerClient, false);
                        Stats hot = commands(clients, commandsPerClient, true);
                        Stats baseline = baselineInserts(dataSource, clients, commandsPerClient, payloadSize);
                        commands.put(clients + " clients", Map.of("distinct", describe(distinct), "hot", describe(hot),
                                "baseline", describe(baseline),
                                "distinctToBaseline", round(distinct.perSecond() / baseline.perSecond()),
                                "hotToDistinct", round(hot.perSecond() / distinct.perSecond())));
                        row("commands, %2d clients, distinct agreements", distinct, baseline);
                        row("commands, %2d clients, one hot agreement", hot, baseline);
                    }
                    results.put("commands", commands);
                    results.put("baselineRowBytes", payloadSize);
                }

                // 5. Reads.
                if (measures("reads")) {
                    String partner = token("bench-owner");
                    Map<String, Object> reads = new LinkedHashMap<>();
                    awaitProjectionsAt(head(dataSource), Duration.ofMinutes(5));
                    Stats state = reads("state, " + (smoke ? 50 : 1_000) + " events", partner,
                            "/api/agreements/" + thousand, smoke ? 50 : 500);
                    Stats timeline = reads("timeline page, " + (smoke ? 50 : 1_000) + " events", partner,
                            "/api/agreements/" + thousand + "/timeline?limit=100", smoke ? 50 : 500);
                    Instant middle = Instant.now().minusSeconds(86_400L * 30).plusSeconds(smoke ? 100 : 5_000);
                    Stats asOf = reads("asOf, " + (smoke ? 200 : 10_000) + " events", partner,
                            "/api/agreements/" + tenThousand + "?asOf=" + middle, smoke ? 10 : 50);
                    for (Stats stats : List.of(state, timeline, asOf)) {
                        reads.put(stats.name(), describe(stats));
                        table.add(String.format(Locale.ROOT, "%-44s p50 %7.2f ms  p99 %7.2f ms", stats.name(),
                                stats.p50Millis(), stats.p99Millis()));
                    }
                    results.put("reads", reads);
                }

                // 6. Rebuild: replay every projection from the first event while the service keeps serving.
                if (measures("rebuild")) {
                    long replayHead = head(dataSource);
                    long events = count(dataSource, "SELECT count(*) FROM domain_event_entry");
                    execute(dataSource, "CHECKPOINT"); // no dirty pages left from the steps before, as for the raw read
                    Cpu before = Cpu.now(service, data);
                    Instant from = Instant.now();
                    started = System.nanoTime();
                    for (String projection : List.of("agreement-state", "agreement-timeline", "boundary-history")) {
                        HttpResponse<String> replay = send("POST", "/api/admin/projections/" + projection + "/replay",
                                token("bench-operator", "operator"), null);
                        if (replay.statusCode() != 202) {
                            throw new IllegalStateException("replay of " + projection + " answered " + replay.statusCode());
                        }
                    }
                    awaitProjectionsAt(replayHead, Duration.ofMinutes(60));
                    double replaySeconds = seconds(started);
                    double replayRate = events / replaySeconds;
                    Cpu used = Cpu.now(service, data).minus(before);
                    rebuiltFrom = from;
                    rebuiltTo = Instant.now();
                    rebuildServiceMicros = used.serviceSeconds() * 1e6 / events;
                    results.put("rebuild", Map.of("events", events, "replaySeconds", round(replaySeconds),
                            "replayEventsPerSecond", round(replayRate), "initialBuildSeconds", round(initialBuild),
                            "rawReadDeserializeEventsPerSecond", round(rawRate), "replayToRaw", round(replayRate / rawRate)));
                    table.add(String.format(Locale.ROOT, "%-44s %,10.0f ev/s  raw %,10.0f ev/s  ratio %.2f",
                            "rebuild (replay of " + String.format(Locale.ROOT, "%,d", events) + " events)",
                            replayRate, rawRate, replayRate / rawRate));
                    table.add(String.format(Locale.ROOT, "%-44s service %.1f us  PostgreSQL %.1f us",
                            "  CPU per rebuilt event", rebuildServiceMicros, used.postgresSeconds() * 1e6 / events));
                }

                heap.stopWatching();
                results.put("serviceMaxHeap", SERVICE_MAX_HEAP);
                results.put("peakHeapMiB", round(heap.peak / (1024.0 * 1024.0)));
                results.put("peakLiveHeapAfterGcMiB", round(heap.peakLive / (1024.0 * 1024.0)));
                table.add(String.format(Locale.ROOT, "%-44s %.0f MiB  (live after GC %.0f MiB; service run with -Xmx%s)",
                        "peak heap in use", heap.peak / (1024.0 * 1024.0), heap.peakLive / (1024.0 * 1024.0),
                        SERVICE_MAX_HEAP));
                results.put("startup", archive != null ? "extracted jar, CDS archive" : "java -jar");
                table.add(String.format(Locale.ROOT, "%-44s %.1f s  (%s)", "start-up (process start to ready)",
                        startupSeconds, archive != null ? "extracted jar with a CDS archive, as in production"
                                : "java -jar"));
            } finally {
                service.destroy();
                service.waitFor();
            }
            if (profile && profiledFrom != null) {
                table.add("where the service's CPU per command goes (Flight Recorder samples over the measured window;");
                table.add("  the recording itself costs CPU, so this run's rates are not measurements):");
                table.addAll(Profile.breakdown(RECORDING, profiledFrom, profiledTo, profiledMs));
            }
            if (profile && rebuiltFrom != null) {
                table.add("where the rebuild's CPU goes (Flight Recorder samples over the rebuild):");
                table.addAll(Profile.rebuildBreakdown(RECORDING, rebuiltFrom, rebuiltTo, rebuildServiceMicros));
            }
        } finally {
            deleteQuietly(data.toFile());
        }
        report();
    }

    // ---- commands and their baseline ------------------------------------------------------------------------

    private Stats commands(int clients, int perClient, boolean hot) throws Exception {
        String shared = hot ? draft(token("bench-hot")) : null;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<long[]>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(() -> {
                String token = token(hot ? "bench-hot" : "bench-client-" + Thread.currentThread().getId());
                String agreement = hot ? shared : draft(token);
                long[] latencies = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = send("POST", "/api/agreements/" + agreement + "/red-flags", token,
                            "{\"indicator\":\"STRESS\",\"note\":\"Evenings felt distant this week\"}");
                    latencies[i] = System.nanoTime() - t;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("command answered " + response.statusCode() + " " + response.body());
                    }
                }
                return latencies;
            });
        }
        long started = System.nanoTime();
        List<Future<long[]>> results = pool.invokeAll(work);
        double seconds = seconds(started);
        pool.shutdown();
        return Stats.of((hot ? "hot" : "distinct") + " " + clients, merge(results), seconds);
    }

    private Stats baselineInserts(HikariDataSource dataSource, int clients, int perClient, int rowBytes) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS benchmark_scratch "
                    + "(id BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255), payload BYTEA)");
        }
        byte[] payload = new byte[rowBytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<long[]>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(() -> {
                long[] latencies = new long[perClient];
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO benchmark_scratch (aggregate_identifier, payload) VALUES (?, ?)")) {
                    connection.setAutoCommit(true);
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        insert.setString(1, java.util.UUID.randomUUID().toString());
                        insert.setBytes(2, payload);
                        insert.executeUpdate();
                        latencies[i] = System.nanoTime() - t;
                    }
                }
                return latencies;
            });
        }
        long started = System.nanoTime();
        List<Future<long[]>> results = pool.invokeAll(work);
        double seconds = seconds(started);
        pool.shutdown();
        return Stats.of("baseline " + clients, merge(results), seconds);
    }

    private Stats reads(String name, String token, String path, int count) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < Math.min(200, count); i++) {
            send("GET", path, token, null); // warm-up (steady state, not the JIT compiler's first minutes)
        }
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = send("GET", path, token, null);
            latencies[i] = System.nanoTime() - t;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
            }
        }
        return Stats.of(name, latencies, seconds(started));
    }

    /**
     * {@code agreements} couples, each drafted by one person and joined by another, each with their own token:
     * {@code [agreementId, first's token, second's token]}.
     */
    private List<String[]> couples(int agreements) throws Exception {
        List<String[]> couples = new ArrayList<>();
        for (int i = 0; i < agreements; i++) {
            String first = "bench-person-" + i + "-a";
            String second = "bench-person-" + i + "-b";
            String firstToken = token(first);
            String secondToken = token(second);
            String agreement = draft(firstToken);
            expect(send("POST", "/api/agreements/" + agreement + "/invitations", firstToken,
                    "{\"partnerId\":\"" + second + "\"}"), 200);
            expect(send("POST", "/api/agreements/" + agreement + "/join", secondToken, null), 200);
            couples.add(new String[] {agreement, firstToken, secondToken});
        }
        return couples;
    }

    /**
     * For {@code duration}, {@value #USER_CLIENTS} clients each raise a red flag on an agreement chosen at random,
     * as one of its two partners chosen at random: the shape of what people do, not one client per agreement.
     * An answer other than 201 counts as an error (in {@link #userErrors}), and the load goes on. With
     * {@code perSecond} above 0 the clients together send at that rate (as far as the service keeps up), else
     * each sends its next request as soon as the last is answered.
     */
    private Stats userShaped(List<String[]> couples, Duration duration, int perSecond) throws Exception {
        userErrors.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(USER_CLIENTS);
        List<Callable<long[]>> work = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        // with a rate, each client sends on its own schedule (a late request goes at once, none is skipped)
        long interval = perSecond > 0 ? 1_000_000_000L * USER_CLIENTS / perSecond : 0;
        for (int c = 0; c < USER_CLIENTS; c++) {
            long offset = interval * c / USER_CLIENTS;
            work.add(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                long[] latencies = new long[1024];
                int n = 0;
                long next = start + offset;
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                        next += interval;
                    }
                    String[] couple = couples.get(random.nextInt(couples.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> response = send("POST", "/api/agreements/" + couple[0] + "/red-flags",
                            couple[1 + random.nextInt(2)], "{\"indicator\":\"STRESS\",\"note\":\"Evenings felt distant this week\"}");
                    if (n == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t;
                    if (response.statusCode() != 201) {
                        userErrors.incrementAndGet();
                    }
                }
                return java.util.Arrays.copyOf(latencies, n);
            });
        }
        long started = System.nanoTime();
        List<Future<long[]>> results = pool.invokeAll(work);
        double seconds = seconds(started);
        pool.shutdown();
        return Stats.of("user " + USER_CLIENTS, merge(results), seconds);
    }

    /**
     * Two readers, each reading a random agreement's state and then its first timeline page as one of its
     * partners, for {@code duration}, while the user-shaped load runs at {@code commandsPerSecond}.
     */
    private ReadsUnderLoad readsUnderLoad(List<String[]> couples, Duration duration, int commandsPerSecond)
            throws Exception {
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<Stats> commands = load.submit(() -> userShaped(couples, duration, commandsPerSecond));
        ExecutorService readers = Executors.newFixedThreadPool(2);
        long end = System.nanoTime() + duration.toNanos();
        List<Callable<long[][]>> work = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            work.add(() -> {
                java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                long[] state = new long[1024];
                long[] timeline = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    String[] couple = couples.get(random.nextInt(couples.size()));
                    String token = couple[1 + random.nextInt(2)];
                    if (n == state.length) {
                        state = java.util.Arrays.copyOf(state, n * 2);
                        timeline = java.util.Arrays.copyOf(timeline, n * 2);
                    }
                    long t = System.nanoTime();
                    expect(send("GET", "/api/agreements/" + couple[0], token, null), 200);
                    state[n] = System.nanoTime() - t;
                    t = System.nanoTime();
                    expect(send("GET", "/api/agreements/" + couple[0] + "/timeline?limit=50", token, null), 200);
                    timeline[n++] = System.nanoTime() - t;
                }
                return new long[][] {java.util.Arrays.copyOf(state, n), java.util.Arrays.copyOf(timeline, n)};
            });
        }
        long started = System.nanoTime();
        List<Future<long[][]>> read = readers.invokeAll(work);
        double seconds = seconds(started);
        readers.shutdown();
        Stats commandStats = commands.get();
        load.shutdown();
        List<long[]> states = new ArrayList<>();
        List<long[]> timelines = new ArrayList<>();
        for (Future<long[][]> part : read) {
            states.add(part.get()[0]);
            timelines.add(part.get()[1]);
        }
        return new ReadsUnderLoad(commandStats, userErrors.get(),
                Stats.of("state, while commands run", concat(states), seconds),
                Stats.of("timeline page (50), while commands run", concat(timelines), seconds));
    }

    private record ReadsUnderLoad(Stats commands, long commandErrors, Stats state, Stats timeline) {
    }

    /**
     * CPU time so far of the service's process and of this run's PostgreSQL server with its processes (the
     * backends live as long as the service's connection pool, so their sum before and after a step is that
     * step's database CPU). The server's process id is the first line of {@code postmaster.pid} in its data
     * directory.
     */
    private record Cpu(double serviceSeconds, double postgresSeconds) {

        static Cpu now(Process service, Path postgresData) throws IOException {
            long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
            double postgres = seconds(server.info().totalCpuDuration()) + server.descendants()
                    .mapToDouble(process -> seconds(process.info().totalCpuDuration())).sum();
            return new Cpu(seconds(service.toHandle().info().totalCpuDuration()), postgres);
        }

        /**
         * The service's CPU seconds so far by kind of thread (Linux: {@code /proc/<pid>/task/<tid>/stat}, in
         * clock ticks of 10 ms): requests, read models, JIT compiler, garbage collector, the rest.
         */
        static Map<String, Double> byThread(Process service) throws IOException {
            Map<String, Double> groups = new LinkedHashMap<>();
            for (String group : List.of("requests", "read models", "JIT", "GC", "other")) {
                groups.put(group, 0.0);
            }
            Path tasks = Path.of("/proc", Long.toString(service.pid()), "task");
            if (!Files.isDirectory(tasks)) {
                return groups;
            }
            try (var threads = Files.list(tasks)) {
                for (Path task : threads.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException ended) {
                        continue; // the thread ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    String group = name.startsWith("http-nio") ? "requests"
                            : name.startsWith("WorkPackage") || name.startsWith("Coordinator") ? "read models"
                            : name.contains("CompilerThre") ? "JIT"
                            : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : "other";
                    groups.merge(group, seconds, Double::sum);
                }
            }
            return groups;
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(serviceSeconds - earlier.serviceSeconds, postgresSeconds - earlier.postgresSeconds);
        }

        private static double seconds(java.util.Optional<Duration> cpu) {
            return cpu.map(duration -> duration.toNanos() / 1e9).orElse(0.0);
        }
    }

    private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * PostgreSQL's statements since the measured window began (pg_stat_statements), the costliest first: calls
     * and execution time per command, so a change to the round trips shows in the same run.
     */
    private static List<String> statementsPerCommand(HikariDataSource dataSource, long commands) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("  PostgreSQL statements per command (calls, execution ms), costliest first:");
        String sql = "SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                + "WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 20";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String query = rows.getString(3);
                lines.add(String.format(Locale.ROOT, "    %6.2f  %6.3f  %s", rows.getLong(1) / (double) commands,
                        rows.getDouble(2) / commands, query.length() > 150 ? query.substring(0, 150) + "..." : query));
            }
        }
        return lines;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("answered " + response.statusCode() + " " + response.body());
        }
    }

    private String draft(String token) throws Exception {
        HttpResponse<String> drafted = send("POST", "/api/agreements", token, "{\"title\":\"Benchmark\"}");
        if (drafted.statusCode() != 201) {
            throw new IllegalStateException("draft answered " + drafted.statusCode() + " " + drafted.body());
        }
        return JSON.readTree(drafted.body()).path("agreementId").asText();
    }

    // ---- the service ------------------------------------------------------------------------------------------

    /** Where the service's jar is extracted to, next to its class-data sharing archive. */
    private static final Path EXTRACTED = Path.of("service-cds");

    /**
     * Extracts the service's jar and records which classes it loads while its context starts (Spring's training run,
     * {@code spring.context.exit=onRefresh}, on the benchmark's database), as the README's production section does;
     * the archive that returns lets later starts map those classes instead of loading them.
     */
    private Path trainedArchive(int postgresPort) throws Exception {
        long started = System.nanoTime();
        File jar = serviceJar();
        deleteQuietly(EXTRACTED.toFile());
        runToEnd(new ProcessBuilder("java", "-Djarmode=tools", "-jar", jar.getAbsolutePath(), "extract", "--destination",
                EXTRACTED.toString()), "extract the service jar");
        Path archive = EXTRACTED.resolve("service.jsa");
        ProcessBuilder training = new ProcessBuilder("java", "-Xmx" + SERVICE_MAX_HEAP,
                "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                EXTRACTED.resolve(jar.getName()).toString(), "--logging.level.root=WARN");
        serviceEnvironment(training, postgresPort);
        runToEnd(training, "train the class-data sharing archive");
        log("extracted the service jar and trained its CDS archive in %.1f s", seconds(started));
        return archive;
    }

    private static void runToEnd(ProcessBuilder builder, String what) throws Exception {
        File output = new File("service-cds.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(output).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("could not " + what + "; see target/" + output);
        }
    }

    private Process startService(int postgresPort, Path archive) throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        File jar = serviceJar();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + SERVICE_MAX_HEAP));
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        if (profile) {
            Files.deleteIfExists(RECORDING);
            command.add("-XX:StartFlightRecording=filename=" + RECORDING + ",settings=profile");
        }
        String extraOptions = System.getenv("BENCHMARK_SERVICE_JAVA_OPTS"); // e.g. -XX:StartFlightRecording=...
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.trim().split("\\s+")));
        }
        String launched = archive != null ? EXTRACTED.resolve(jar.getName()).toString() : jar.getAbsolutePath();
        command.addAll(List.of("-jar", launched, "--server.port=" + port,
                "--management.endpoints.web.exposure.include=health,metrics", "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command);
        serviceEnvironment(builder, postgresPort);
        builder.redirectErrorStream(true).redirectOutput(new File("service.log"));
        return builder.start();
    }

    private static void serviceEnvironment(ProcessBuilder builder, int postgresPort) {
        builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
        builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("AGREEMENTS_SECURITY_JWT_HMAC_SECRET", SECRET);
        builder.environment().put("AGREEMENTS_CRYPTO_MASTER_KEY", MASTER_KEY);
        builder.environment().put("AGREEMENTS_CRYPTO_BLIND_INDEX_KEY", BLIND_INDEX_KEY);
        builder.environment().put("AGREEMENTS_CRYPTO_CHECKPOINT_SIGNING_KEY", CHECKPOINT_SIGNING_KEY);
    }

    private static File serviceJar() {
        for (String directory : List.of("../../agreements-app/target", "../agreements-app/target", "agreements-app/target")) {
            File[] jars = new File(directory).listFiles((dir, name) -> name.matches("agreements-app-.*\\.jar"));
            if (jars != null && jars.length > 0) {
                return jars[0];
            }
        }
        throw new IllegalStateException("build agreements-app first: its jar was not found");
    }

    private double awaitReady(Instant launch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "/actuator/health/readiness", null, null).statusCode() == 200) {
                    return Duration.between(launch, Instant.now()).toMillis() / 1000.0;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            pause(100);
        }
        throw new IllegalStateException("the service did not become ready; see target/service.log");
    }

    /** Waits until every projection's position reached the given global index and none is replaying. */
    private void awaitProjectionsAt(long head, Duration timeout) throws Exception {
        String operator = token("bench-operator", "operator");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = send("GET", "/api/admin/projections", operator, null);
            if (status.statusCode() == 200) {
                boolean caughtUp = true;
                for (JsonNode projection : JSON.readTree(status.body())) {
                    caughtUp &= !projection.path("replaying").asBoolean(false)
                            && projection.path("position").asLong(-1) >= head;
                }
                if (caughtUp) {
                    return;
                }
            }
            pause(200);
        }
        throw new IllegalStateException("projections did not reach " + head + " in " + timeout);
    }

    private final class HeapWatch extends Thread {
        private volatile boolean running = true;
        private volatile double peak;
        private volatile double peakLive;

        HeapWatch() {
            setDaemon(true);
        }

        @Override
        public void run() {
            String token = token("bench-operator", "operator");
            while (running) {
                try {
                    HttpResponse<String> metric = send("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", token, null);
                    if (metric.statusCode() == 200) {
                        peak = Math.max(peak, JSON.readTree(metric.body()).path("measurements").path(0).path("value").asDouble());
                    }
                    // the old generation's size after the last collection: what the service keeps, not its garbage
                    HttpResponse<String> live = send("GET", "/actuator/metrics/jvm.gc.live.data.size", token, null);
                    if (live.statusCode() == 200) {
                        peakLive = Math.max(peakLive, JSON.readTree(live.body()).path("measurements").path(0).path("value").asDouble());
                    }
                } catch (Exception ignored) {
                    // the service is busy; the next sample counts
                }
                pause(250);
            }
        }

        void stopWatching() {
            running = false;
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String subject, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(subject).claim("roles", List.of(roles))
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(6)))).build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(40);
        return dataSource;
    }

    private static long count(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long head(HikariDataSource dataSource) throws SQLException {
        return count(dataSource, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    private static int redFlagPayloadSize(HikariDataSource dataSource) throws SQLException {
        return (int) count(dataSource, "SELECT coalesce(avg(length(payload)), 300)::int FROM domain_event_entry "
                + "WHERE payload_type LIKE '%RedFlagRaised'");
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(part -> part.length).sum()];
        int offset = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private static long[] merge(List<Future<long[]>> parts) throws Exception {
        List<long[]> all = new ArrayList<>();
        int size = 0;
        for (Future<long[]> part : parts) {
            long[] latencies = part.get();
            all.add(latencies);
            size += latencies.length;
        }
        long[] merged = new long[size];
        int offset = 0;
        for (long[] latencies : all) {
            System.arraycopy(latencies, 0, merged, offset, latencies.length);
            offset += latencies.length;
        }
        return merged;
    }

    private void row(String label, Stats stats, Stats baseline) {
        int clients = Integer.parseInt(stats.name().replaceAll("\\D", ""));
        table.add(String.format(Locale.ROOT, "%-44s %,8.0f/s  p50 %6.2f ms  p99 %6.2f ms  baseline %,8.0f/s  ratio %.2f",
                String.format(Locale.ROOT, label, clients), stats.perSecond(), stats.p50Millis(), stats.p99Millis(),
                baseline.perSecond(), stats.perSecond() / baseline.perSecond()));
    }

    private static Map<String, Object> describe(Stats stats) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("count", stats.count());
        described.put("perSecond", round(stats.perSecond()));
        described.put("p50Millis", round(stats.p50Millis()));
        described.put("p99Millis", round(stats.p99Millis()));
        return described;
    }

    private void report() throws IOException {
        System.out.println();
        System.out.println("shared-agreements benchmark, " + results.get("date") + ", " + results.get("machine")
                + (smoke ? "  (SMOKE: tiny sizes, not a measurement)" : ""));
        table.forEach(System.out::println);
        Path json = Path.of("benchmark.json");
        ObjectNode tree = JSON.valueToTree(results);
        Files.writeString(json, JSON.writeValueAsString(tree));
        System.out.println("written: " + json.toAbsolutePath());
    }

    private static double totalMemoryGiB() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
