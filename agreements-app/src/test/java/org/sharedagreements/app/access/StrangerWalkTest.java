package org.sharedagreements.app.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the OpenAPI document that names an agreement (in its path or in its
 * {@code agreementId} parameter) as a stranger, once against an existing agreement and once against a random id,
 * with every combination of the {@code minVersion}, {@code If-Match}, {@code asOf}, {@code after} and
 * {@code limit} it takes, and checks that the two answers cannot be told apart: the same status, the same
 * headers, the same body (but for the ids themselves), within half a second of each other. An endpoint added
 * later is walked without editing this test. Strangers are a person without roles, a counsellor nobody granted
 * access and an operator; nothing they send changes the agreement.
 */
class StrangerWalkTest extends ApiTest {

    private static final long MAX_TIME_DIFFERENCE_MILLIS = 500;
    private static final Set<String> VARYING_HEADERS = Set.of("date", "keep-alive", "connection");

    private record Ids(String agreement, String boundary, String breach, String flag, String counsellor) {
    }

    private record Probe(String method, String path, Map<String, String> query, String ifMatch, String body,
                         String[] roles) {

        String uri(Ids ids) {
            StringBuilder uri = new StringBuilder(fill(path, ids));
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(parameter.getKey()).append('=').append(fill(parameter.getValue(), ids));
                separator = "&";
            }
            return uri.toString();
        }

        @Override
        public String toString() {
            return method + " " + path + " " + query + (ifMatch == null ? "" : " If-Match " + ifMatch)
                    + (roles.length == 0 ? "" : " as " + String.join(",", roles));
        }
    }

    private record Timed(Api.Response response, long millis) {
    }

    @Test
    void aStrangerCannotTellAnExistingAgreementFromARandomIdOnAnyEndpoint() throws Exception {
        Ids existing = anAgreementWithSomethingOfEverything();
        Ids random = new Ids(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "dr-" + UUID.randomUUID());
        long eventsBefore = storedEvents(existing.agreement());

        JsonNode document = api.anonymous().get("/v3/api-docs").body();
        List<Probe> probes = probes(document, existing);
        assertThat(probes.stream().map(Probe::path).distinct().count())
                .as("every operation that names an agreement is walked").isGreaterThanOrEqualTo(20);

        // Queries run side by side (many wait the whole minVersion timeout). Commands go one pair at a time: Axon
        // takes an agreement's lock for each command, existing or not, so commands on one id queue behind each
        // other, and the queue is longer where loading takes longer; that is a measure of concurrent load on one
        // id, not of a single request, which is what this walk compares.
        ExecutorService queries = Executors.newFixedThreadPool(12);
        ExecutorService commands = Executors.newSingleThreadExecutor();
        try {
            List<CompletableFuture<Void>> checks = new ArrayList<>();
            for (Probe probe : probes) {
                ExecutorService pool = probe.method().equals("GET") ? queries : commands;
                checks.add(CompletableFuture.runAsync(() -> compare(probe, existing, random), pool));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
        } finally {
            queries.shutdownNow();
            commands.shutdownNow();
        }
        assertThat(storedEvents(existing.agreement())).as("strangers changed nothing").isEqualTo(eventsBefore);
    }

    private void compare(Probe probe, Ids existing, Ids random) {
        // one stranger per probe, so no answer depends on how many waits one caller already holds
        String token = Api.token("walker-" + UUID.randomUUID(), List.of(probe.roles()),
                Instant.now().plus(1, ChronoUnit.HOURS), SECRET);
        long fastest = Long.MAX_VALUE;
        String timings = "";
        // a systematic difference shows every time; the noise of a busy two-core machine seldom twice
        for (int attempt = 0; attempt < 3 && fastest >= MAX_TIME_DIFFERENCE_MILLIS; attempt++) {
            Api.Caller stranger = api.withToken(token);
            Api.Caller same = api.withToken(token);
            CompletableFuture<Timed> forExisting = CompletableFuture.supplyAsync(() -> send(stranger, probe, existing));
            CompletableFuture<Timed> forRandom = CompletableFuture.supplyAsync(() -> send(same, probe, random));
            Timed a = forExisting.join();
            Timed b = forRandom.join();
            String context = probe + "\n  existing: " + a.response() + "\n  random:   " + b.response();
            assertThat(a.response().status()).as("status of " + context).isEqualTo(b.response().status());
            boolean refused = List.of(400, 403, 404, 429).contains(a.response().status());
            boolean listedNothing = a.response().status() == 200 && "[]".equals(a.response().text());
            assertThat(refused || listedNothing)
                    .as("a stranger is refused or, from a listing, gets nothing: " + context).isTrue();
            assertThat(headers(a.response())).as("headers of " + context).isEqualTo(headers(b.response()));
            assertThat(normalised(a.response().text(), existing)).as("body of " + context)
                    .isEqualTo(normalised(b.response().text(), random));
            fastest = Math.min(fastest, Math.abs(a.millis() - b.millis()));
            timings += " " + a.millis() + " vs " + b.millis() + " ms;";
        }
        assertThat(fastest).as("time of " + probe + ":" + timings).isLessThan(MAX_TIME_DIFFERENCE_MILLIS);
    }

    private static Timed send(Api.Caller caller, Probe probe, Ids ids) {
        Api.Caller request = probe.ifMatch() == null ? caller : caller.header("If-Match", probe.ifMatch());
        long started = System.nanoTime();
        Api.Response response = request.send(probe.method(), probe.uri(ids),
                probe.body() == null ? null : fill(probe.body(), ids),
                probe.body() == null ? null : "application/json");
        return new Timed(response, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every operation that names an agreement, with every combination of the parameters it takes. */
    private List<Probe> probes(JsonNode document, Ids existing) {
        List<Probe> probes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                Set<String> parameters = new java.util.HashSet<>();
                operation.getValue().path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
                boolean namesAgreement = path.getKey().contains("{a}") || path.getKey().contains("{agreementId}")
                        || parameters.contains("agreementId");
                if (!namesAgreement) {
                    continue;
                }
                String body = body(document, operation.getValue(), existing);
                for (Map<String, String> query : queries(parameters)) {
                    for (String ifMatch : ifMatches(method)) {
                        boolean waits = query.containsKey("minVersion");
                        for (String[] roles : waits ? new String[][]{{}} : new String[][]{{}, {"counsellor"}, {"operator"}}) {
                            probes.add(new Probe(method, path.getKey(), query, ifMatch, body, roles));
                        }
                    }
                }
            }
        }
        return probes;
    }

    private static List<Map<String, String>> queries(Set<String> parameters) {
        List<Map<String, String>> queries = new ArrayList<>();
        queries.add(new TreeMap<>());
        if (parameters.contains("agreementId")) {
            queries.forEach(query -> query.put("agreementId", "{a}"));
        }
        vary(queries, parameters, "minVersion", "0", "1000000");
        vary(queries, parameters, "asOf", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        vary(queries, parameters, "after", "0");
        vary(queries, parameters, "limit", "5");
        return queries;
    }

    /** Each query as it is, and once more with each of the values, when the operation takes the parameter. */
    private static void vary(List<Map<String, String>> queries, Set<String> parameters, String name,
                             String... values) {
        if (!parameters.contains(name)) {
            return;
        }
        List<Map<String, String>> more = new ArrayList<>();
        for (Map<String, String> query : queries) {
            for (String value : values) {
                Map<String, String> with = new TreeMap<>(query);
                with.put(name, value);
                more.add(with);
            }
        }
        queries.addAll(more);
    }

    private static List<String> ifMatches(String method) {
        List<String> ifMatches = new ArrayList<>();
        ifMatches.add(null);
        if (method.equals("POST") || method.equals("DELETE")) {
            ifMatches.add("\"0\"");
            ifMatches.add("\"999\"");
        }
        return ifMatches;
    }

    /** A valid body for the operation, from the schema of its request body: every property, with a valid value. */
    private static String body(JsonNode document, JsonNode operation, Ids existing) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        JsonNode resolved = resolve(document, schema);
        Map<String, Object> body = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(document, property.getValue());
            String name = property.getKey();
            Object value;
            if (type.has("enum")) {
                value = type.path("enum").get(0).asText();
            } else if (type.path("type").asText().equals("integer")) {
                value = 1;
            } else if (type.path("format").asText().equals("uuid") || name.equals("boundaryId")) {
                value = "{b}";
            } else if (type.path("format").asText().equals("date-time") || name.equals("occurredAt")) {
                value = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            } else if (name.equals("reviewEvery")) {
                value = "P30D";
            } else if (name.equals("breachedBy") || name.endsWith("Id")) {
                value = "walk-someone";
            } else {
                value = "walk";
            }
            body.put(name, value);
        }
        return Api.write(body);
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String fill(String text, Ids ids) {
        return text.replace("{a}", ids.agreement()).replace("{agreementId}", ids.agreement())
                .replace("{b}", ids.boundary()).replace("{r}", ids.breach()).replace("{f}", ids.flag())
                .replace("{c}", ids.counsellor()).replace("{name}", "agreement-state")
                .replace("{projection}", "agreement-state");
    }

    private static String normalised(String text, Ids ids) {
        return text == null ? null : text.replace(ids.agreement(), "{a}").replace(ids.boundary(), "{b}")
                .replace(ids.breach(), "{r}").replace(ids.flag(), "{f}").replace(ids.counsellor(), "{c}");
    }

    private static Map<String, List<String>> headers(Api.Response response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().forEach((name, values) -> {
            if (name != null && !VARYING_HEADERS.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    private Ids anAgreementWithSomethingOfEverything() {
        String first = "walk-ada-" + UUID.randomUUID();
        String second = "walk-ben-" + UUID.randomUUID();
        String counsellor = "walk-dr-" + UUID.randomUUID();
        Couple couple = Couple.formed(api, first, second);
        String boundary = couple.activeBoundary("ONLINE_ENGAGEMENT");
        Api.Response breach = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary,
                "breachedBy", second, "description", "Walk breach",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        assertThat(breach.status()).as(breach.toString()).isEqualTo(201);
        Api.Response flag = couple.second.post(couple.path("/red-flags"), Map.of("indicator", "LONELINESS"));
        assertThat(flag.status()).as(flag.toString()).isEqualTo(201);
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        long version = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).version();
        Api.Response caughtUp = couple.first.get(couple.path("/timeline?minVersion=" + version));
        assertThat(caughtUp.status()).as("every read model caught up before the walk").isEqualTo(200);
        assertThat(couple.first.get(couple.path("/boundaries/" + boundary + "/history?minVersion=" + version))
                .status()).isEqualTo(200);
        return new Ids(couple.agreementId, boundary, breach.field("breachId"), flag.field("flagId"), counsellor);
    }
}
