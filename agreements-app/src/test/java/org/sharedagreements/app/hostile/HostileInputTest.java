package org.sharedagreements.app.hostile;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.kernel.ReviewPeriod;
import org.springframework.test.context.TestContextManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against the running application (the shared {@link ApiTest} context): thousands of generated
 * malformed, oversized, mistyped, injection-laden and unicode-heavy requests across every command and query
 * endpoint, in bodies, path ids, query parameters and the {@code If-Match} and {@code Idempotency-Key} headers.
 * Every answer must be the contract's 4xx for what was sent (never a 5xx), a problem+json body that reveals no
 * stack trace, SQL or class name, and no event may be stored.
 * <p>
 * jqwik runs this class (its engine beside Jupiter's); Spring's test context framework is driven by hand, so the
 * properties reuse the context every other {@code ApiTest} runs against instead of starting another one.
 */
class HostileInputTest extends ApiTest {

    private static final TestContextManager SPRING = new TestContextManager(HostileInputTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies with lone surrogates go as JSON escapes, so the server receives exactly the ill-formed text. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Object MISSING = new Object();
    private static final String BOUNDARY = "@@B@@";
    private static final List<String> CATEGORIES = List.of("ONLINE_ENGAGEMENT", "EMOTIONAL_CLOSENESS", "INTIMACY_PACE",
            "FLIRTATION", "DIGITAL_PRIVACY", "DISCLOSURE", "OTHER");
    private static final List<String> INDICATORS = List.of("STRESS", "LONELINESS", "RESENTMENT", "OTHER");
    /** What no answer may contain (outside {@code instance}, which echoes the request path). */
    private static final List<String> LEAKS = List.of("Exception", "exception", "java.", "javax.", "jakarta.",
            "org.springframework", "org.sharedagreements", "org.axonframework", "com.fasterxml", "org.postgresql",
            "PSQL", "SQLState", "SQL state", "syntax error", "\tat ", "Caused by", "domain_event_entry", "jdbc",
            "Hibernate", "Tomcat", "Apache");


    private static Fixture fixture;

    /** Real ids, so that a request that slipped through validation would reach (and change) a real agreement. */
    private record Fixture(String agreement, String boundary, String breach, String flag, String counsellor) {
    }

    @BeforeProperty
    void joinTheRunningApplication() throws Exception {
        SPRING.prepareTestInstance(this);
        String port = SPRING.getTestContext().getApplicationContext().getEnvironment().getProperty("local.server.port");
        api = new Api("http://localhost:" + port, SECRET);
        if (fixture == null) {
            Couple couple = Couple.formed(api, "hx-ada", "hx-ben");
            String boundary = couple.activeBoundary("ONLINE_ENGAGEMENT");
            String breach = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary,
                    "breachedBy", "hx-ben", "description", "late reply", "occurredAt", "2026-11-01T10:00:00Z"))
                    .field("breachId");
            String flag = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")).field("flagId");
            assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", "hx-counsellor"))
                    .status()).isEqualTo(201);
            assertThat(couple.second.post(couple.path("/counsellors/hx-counsellor/approvals")).status()).isEqualTo(200);
            fixture = new Fixture(couple.agreementId, boundary, breach, flag, "hx-counsellor");
        }
    }

    @Property(tries = 1700)
    void commandEndpointsRefuseHostileInput(@ForAll("commandRequests") Hostile request) {
        sendAndCheck(request);
    }

    @Property(tries = 600)
    void queryEndpointsRefuseHostileInput(@ForAll("queryRequests") Hostile request) {
        sendAndCheck(request);
    }

    /** The same key with another request is 422; the same request again gets the first answer. */
    @Property(tries = 100)
    void anIdempotencyKeyReusedForAnotherRequestIs422(@ForAll("strangerCommands") Hostile first) {
        long before = storedEvents();
        Api.Response answer = send(first);
        checkProblem(first, answer);
        assertThat(answer.status()).as(first.toString()).isEqualTo(404);

        Api.Response again = send(first);
        assertThat(again.status()).as("the same request again: the first answer").isEqualTo(404);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        Hostile other = new Hostile("idempotency-key-reused", first.caller(), first.method(),
                first.path().replace("{a}", UUID.randomUUID().toString()), first.body(), first.contentType(),
                first.headers(), Set.of(422), null);
        Api.Response refused = send(other);
        checkProblem(other, refused);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Hostile> commandRequests() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, malformedBodies()),
                Tuple.of(6, invalidFields()),
                Tuple.of(3, commandPathIds()),
                Tuple.of(2, wrongContentTypes()),
                Tuple.of(1, oversizedBodies()),
                Tuple.of(2, badIfMatch()),
                Tuple.of(2, badIdempotencyKeys()),
                Tuple.of(3, strangerCommands()),
                Tuple.of(1, commandWrongMethods()));
    }

    @Provide
    Arbitrary<Hostile> queryRequests() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, badQueryParameters()),
                Tuple.of(3, queryPathIds()),
                Tuple.of(1, queryWrongMethods()));
    }

    private Arbitrary<Hostile> malformedBodies() {
        return Combinators.combine(Arbitraries.of(withBody()), HostileValues.malformedJson(), noise())
                .as((endpoint, body, headers) -> new Hostile("malformed-json", Hostile.Who.PARTNER, endpoint.method(),
                        endpoint.template(), body, "application/json", headers, Set.of(400), null));
    }

    private Arbitrary<Hostile> invalidFields() {
        return Arbitraries.of(withBody()).flatMap(endpoint -> Arbitraries.of(endpoint.fields()).flatMap(field ->
                Combinators.combine(invalidValue(field), noise()).as((value, headers) -> {
                    Map<String, Object> body = validBody(endpoint);
                    if (value == MISSING) {
                        body.remove(field.name());
                    } else {
                        body.put(field.name(), value);
                    }
                    return new Hostile("invalid-" + field.kind().name().toLowerCase(), Hostile.Who.PARTNER,
                            endpoint.method(), endpoint.template(), json(body), "application/json", headers,
                            Set.of(400), field.name());
                })));
    }

    private Arbitrary<Hostile> commandPathIds() {
        List<Endpoint> withIds = Endpoint.COMMANDS.stream().filter(e -> e.template().contains("{")).toList();
        return Arbitraries.of(withIds).flatMap(endpoint -> Combinators.combine(
                Arbitraries.of(variables(endpoint.template())), HostileValues.hostilePathSegment(), noise())
                .as((variable, segment, headers) -> new Hostile("path-id", Hostile.Who.STRANGER, endpoint.method(),
                        endpoint.template().replace(variable, segment), validBodyText(endpoint),
                        contentType(endpoint), headers, Set.of(400, 404, 405), null)));
    }

    private Arbitrary<Hostile> wrongContentTypes() {
        List<Endpoint> json = Endpoint.COMMANDS.stream().filter(e -> e.body() == Endpoint.BodyKind.JSON).toList();
        return Combinators.combine(Arbitraries.of(json), Arbitraries.of("text/plain", "application/xml", "text/html",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png",
                        "application/octet-stream", "text/json", "application/javascript", "none"), noise())
                .as((endpoint, type, headers) -> new Hostile("content-type", Hostile.Who.STRANGER, endpoint.method(),
                        endpoint.template(), validBodyText(endpoint), type, headers, Set.of(415), null));
    }

    private Arbitrary<Hostile> oversizedBodies() {
        return Combinators.combine(Arbitraries.of(Endpoint.COMMANDS), Arbitraries.integers().between(65_537, 90_000),
                        Arbitraries.of("a", "😀", "'", "\\u0000", "中"))
                .as((endpoint, size, unit) -> {
                    String filler = unit.repeat(size / unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
                    return new Hostile("oversized", Hostile.Who.PARTNER, endpoint.method(), endpoint.template(),
                            "{\"title\":\"" + filler + "\"}", "application/json", Map.of(), Set.of(413), null);
                });
    }

    private Arbitrary<Hostile> badIfMatch() {
        List<Endpoint> endpoints = Endpoint.COMMANDS.stream().filter(Endpoint::readsIfMatch).toList();
        return Combinators.combine(Arbitraries.of(endpoints), HostileValues.badIfMatch())
                .as((endpoint, ifMatch) -> new Hostile("if-match", Hostile.Who.PARTNER, endpoint.method(),
                        endpoint.template(), validBodyText(endpoint), contentType(endpoint),
                        Map.of("If-Match", ifMatch), Set.of(400), "If-Match"));
    }

    private Arbitrary<Hostile> badIdempotencyKeys() {
        return Combinators.combine(Arbitraries.of(Endpoint.COMMANDS), HostileValues.badIdempotencyKey())
                .as((endpoint, key) -> new Hostile("idempotency-key", Hostile.Who.PARTNER, endpoint.method(),
                        endpoint.template(), validBodyText(endpoint), contentType(endpoint),
                        Map.of("Idempotency-Key", key), Set.of(400), "Idempotency-Key"));
    }

    /** Well-formed commands full of hostile (but valid) text, from someone who may not see the agreement. */
    @Provide
    Arbitrary<Hostile> strangerCommands() {
        List<Endpoint> endpoints = Endpoint.COMMANDS.stream().filter(e -> !e.draft()).toList();
        return Arbitraries.of(endpoints).flatMap(endpoint -> Combinators.combine(
                HostileValues.validHostileText(128).list().ofSize(4), HostileValues.hostileButValidIdempotencyKey(),
                // KNOWN DEFECT, widen once fixed: a stale version answers a stranger 412 (Axon checks
                // @TargetAggregateVersion while loading, before the visibility rule), which tells a stranger the
                // agreement exists; the contract says 404. Until then only "*" (no version) is sent.
                Arbitraries.of("*", "\"0\"", "\"3\"", "\"999999\""), Arbitraries.integers().between(0, 3))
                .as((texts, key, ifMatch, extras) -> {
                    Map<String, Object> body = validBody(endpoint);
                    int i = 0;
                    for (Endpoint.Field field : endpoint.fields()) {
                        if (field.kind() == Endpoint.Kind.TEXT || field.kind() == Endpoint.Kind.OPTIONAL_TEXT) {
                            String text = texts.get(i++ % texts.size());
                            body.put(field.name(), text);
                        }
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Idempotency-Key", key);
                    if (extras > 1) {
                        headers.put("If-Match", ifMatch);
                    }
                    return new Hostile("stranger-with-hostile-text", Hostile.Who.STRANGER, endpoint.method(),
                            endpoint.template(), endpoint.body() == Endpoint.BodyKind.NONE ? null : json(body),
                            contentType(endpoint), headers, Set.of(404), null);
                }));
    }

    private Arbitrary<Hostile> commandWrongMethods() {
        return Combinators.combine(Arbitraries.of(Endpoint.COMMANDS), Arbitraries.of("PUT", "PATCH", "GET"))
                .filter((endpoint, method) -> !(endpoint.draft() && method.equals("GET"))
                        && !endpoint.method().equals(method))
                .as((endpoint, method) -> new Hostile("wrong-method", Hostile.Who.PARTNER, method, endpoint.template(),
                        method.equals("GET") ? null : validBodyText(endpoint), "application/json", Map.of(),
                        Set.of(405), null));
    }

    private Arbitrary<Hostile> badQueryParameters() {
        return Arbitraries.of(Endpoint.QUERIES).flatMap(query -> Arbitraries.of(query.parameters()).flatMap(name ->
                Combinators.combine(invalidParameter(name), noiseParameter(), noise()).as((value, extra, headers) ->
                        new Hostile("query-" + name, query.template().contains("caseload") ? Hostile.Who.COUNSELLOR
                                : Hostile.Who.PARTNER, "GET", query.template() + "?" + name + "="
                                + HostileValues.encode(value) + extra, null, null, headers, Set.of(400), name))));
    }

    private Arbitrary<Hostile> queryPathIds() {
        List<Endpoint.Query> withIds = Endpoint.QUERIES.stream().filter(q -> q.template().contains("{")).toList();
        return Arbitraries.of(withIds).flatMap(query -> Combinators.combine(
                Arbitraries.of(variables(query.template())), HostileValues.hostilePathSegment(), noise())
                .as((variable, segment, headers) -> new Hostile("query-path-id", Hostile.Who.PARTNER, "GET",
                        query.template().replace(variable, segment), null, null, headers, Set.of(400, 404), null)));
    }

    private Arbitrary<Hostile> queryWrongMethods() {
        return Combinators.combine(Arbitraries.of(Endpoint.QUERIES), Arbitraries.of("POST", "PUT", "PATCH", "DELETE"))
                .filter((query, method) -> !(query.template().equals("/api/agreements") && method.equals("POST")))
                .as((query, method) -> new Hostile("query-wrong-method", Hostile.Who.PARTNER, method,
                        query.template(), null, null, Map.of(), Set.of(405), null));
    }

    private Arbitrary<Object> invalidValue(Endpoint.Field field) {
        return switch (field.kind()) {
            case TEXT -> Arbitraries.oneOf(HostileValues.invalidText(field.min(), field.max()).map(v -> (Object) v),
                    HostileValues.notAString(), Arbitraries.just(MISSING), Arbitraries.just(nullValue()));
            case OPTIONAL_TEXT -> Arbitraries.oneOf(HostileValues.invalidText(0, field.max()).map(v -> (Object) v),
                    HostileValues.notAString());
            case ENUM -> Arbitraries.oneOf(HostileValues.anyHostileText()
                            .filter(v -> !CATEGORIES.contains(v) && !INDICATORS.contains(v))
                            .map(v -> (Object) v), Arbitraries.of("other", "Stress", " OTHER", "OTHER ", "0"),
                    HostileValues.notAString(), Arbitraries.just(MISSING));
            case INT -> Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0).map(v -> (Object) v),
                    Arbitraries.of(1.5, "1", true, List.of(1), 2_147_483_648L, -2_147_483_649L, "' OR 1=1",
                            new java.math.BigInteger("100000000000000000000000000000")), Arbitraries.just(MISSING));
            case UUID -> Arbitraries.oneOf(HostileValues.notAUuid().map(v -> (Object) v), HostileValues.notAString(),
                    Arbitraries.just(MISSING));
            case INSTANT -> Arbitraries.oneOf(Arbitraries.oneOf(HostileValues.anyHostileText(), Arbitraries.of(
                                    "yesterday", "2026-13-01T00:00:00Z", "2026-11-26 17:00:00Z", "1700000000",
                                    "2026-11-26T25:00:00Z", "2026-11-26T17:00:00", "2026-11-26"))
                            .filter(v -> !parsesAsInstant(v)).map(v -> (Object) v), HostileValues.notAString(),
                    Arbitraries.just(MISSING));
            case PERIOD -> Arbitraries.oneOf(Arbitraries.oneOf(HostileValues.anyHostileText(), Arbitraries.of("P0D",
                                    "P367D", "P1000D", "PT24H", "-P1D", "P-1D", "30", "P", "P1.5D", "P30", "p30d"))
                            .filter(v -> !parsesAsPeriod(v)).map(v -> (Object) v), HostileValues.notAString());
        };
    }

    private static Arbitrary<String> invalidParameter(String name) {
        return switch (name) {
            case "minVersion", "after" -> Arbitraries.oneOf(HostileValues.anyHostileText(),
                    Arbitraries.of("-1", "-9223372036854775808", "9223372036854775808", "1e3", "0x10", "1.0", ""),
                    Arbitraries.longs().lessOrEqual(-1).map(String::valueOf)).filter(v -> !wholeNumberIn(v, 0, Long.MAX_VALUE));
            case "limit" -> Arbitraries.oneOf(HostileValues.anyHostileText(), Arbitraries.of("0", "501", "-1", "1e2", ""),
                    Arbitraries.integers().greaterOrEqual(501).map(String::valueOf)).filter(v -> !wholeNumberIn(v, 1, 500));
            case "asOf" -> Arbitraries.oneOf(HostileValues.anyHostileText(), Arbitraries.of("yesterday",
                    "2026-13-01T00:00:00Z", "2026-11-26 17:00:00Z", "2026-11-26T17:00:00", "1700000000", ""))
                    .filter(v -> !parsesAsOffsetDateTime(v));
            case "agreementId" -> HostileValues.notAUuid();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Unknown query parameters with hostile names and values: ignored, never a reason to fail. */
    private static Arbitrary<String> noiseParameter() {
        return Arbitraries.oneOf(Arbitraries.just(""), Combinators.combine(HostileValues.anyHostileText(),
                HostileValues.anyHostileText()).as((name, value) -> "&x" + HostileValues.encode(name) + "="
                + HostileValues.encode(value)));
    }

    /** Headers a proxy or client might send with hostile values; they must change nothing. */
    private static Arbitrary<Map<String, String>> noise() {
        return Combinators.combine(Arbitraries.of("X-Forwarded-For", "X-Forwarded-Host", "X-Request-Id", "Referer",
                        "User-Agent", "X-Original-URL", "Forwarded"),
                Arbitraries.oneOf(Arbitraries.of("' OR 1=1 --", "127.0.0.1, evil.example", "../../admin",
                        "${jndi:ldap://x}", "<script>"), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)),
                Arbitraries.integers().between(0, 2))
                .as((name, value, use) -> use == 0 ? Map.<String, String>of() : Map.of(name, value));
    }

    // ------------------------------------------------------------------------------------------------- checking

    private void sendAndCheck(Hostile request) {
        long before = storedEvents();
        Api.Response answer = send(request);
        checkProblem(request, answer);
        assertThat(storedEvents()).as("nothing stored for " + request).isEqualTo(before);
    }

    private static void checkProblem(Hostile request, Api.Response answer) {
        String context = request + "\n  answered " + answer.status() + " " + abbreviate(answer.text());
        assertThat(answer.status()).as("never a 5xx: " + context).isLessThan(500);
        assertThat(answer.status()).as(context).isIn(request.expected());
        assertThat(answer.header("Content-Type")).as(context).startsWith("application/problem+json");
        JsonNode problem = Api.json(answer.text());
        assertThat(problem.isObject()).as(context).isTrue();
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status());
        assertThat(problem.path("title").asText("") + problem.path("detail").asText("")).as(context).isNotBlank();
        ObjectNode withoutEcho = ((ObjectNode) problem).deepCopy();
        withoutEcho.remove("instance");
        String text = withoutEcho.toString();
        for (String leak : LEAKS) {
            assertThat(text).as("reveals nothing of the implementation: " + context).doesNotContain(leak);
        }
        if (request.errorField() != null && answer.status() == 400) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as("errors[] names the field: " + context).contains(request.errorField());
        }
    }

    private Api.Response send(Hostile request) {
        Api.Caller caller = switch (request.caller()) {
            case PARTNER -> api.as("hx-ada");
            case STRANGER -> api.as("hx-stranger");
            case COUNSELLOR -> api.as("hx-counsellor", "counsellor");
        };
        request.headers().forEach(caller::header);
        String contentType = "none".equals(request.contentType()) ? null : request.contentType();
        return caller.send(request.method(), fill(request.path()), request.body() == null ? null : fill(request.body()),
                request.body() == null ? null : contentType);
    }

    private static String fill(String text) {
        return text.replace("{a}", fixture.agreement()).replace("{b}", fixture.boundary())
                .replace("{r}", fixture.breach()).replace("{f}", fixture.flag()).replace("{c}", fixture.counsellor())
                .replace(BOUNDARY, fixture.boundary());
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type NOT LIKE '%BoundaryReviewDue'", Long.class);
        return count == null ? 0 : count;
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private static List<Endpoint> withBody() {
        return Endpoint.COMMANDS.stream().filter(e -> e.body() != Endpoint.BodyKind.NONE).toList();
    }

    private static Map<String, Object> validBody(Endpoint endpoint) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Endpoint.Field field : endpoint.fields()) {
            body.put(field.name(), switch (field.kind()) {
                case TEXT, OPTIONAL_TEXT -> field.name().equals("breachedBy") ? "hx-ben" : "ok";
                case ENUM -> field.name().equals("category") ? "OTHER" : "STRESS";
                case INT -> 1;
                case UUID -> BOUNDARY;
                case INSTANT -> "2026-11-01T10:00:00Z";
                case PERIOD -> "P30D";
            });
        }
        return body;
    }

    private static String validBodyText(Endpoint endpoint) {
        return endpoint.body() == Endpoint.BodyKind.NONE ? null : json(validBody(endpoint));
    }

    private static String contentType(Endpoint endpoint) {
        return endpoint.body() == Endpoint.BodyKind.NONE ? null : "application/json";
    }

    private static List<String> variables(String template) {
        return List.of("{a}", "{b}", "{r}", "{f}", "{c}").stream().filter(template::contains).toList();
    }

    private static Object nullValue() {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    private static String json(Map<String, Object> body) {
        try {
            String plain = JSON.writeValueAsString(body);
            boolean loneSurrogate = false;
            for (int i = 0; i < plain.length(); i++) {
                char c = plain.charAt(i);
                if (Character.isHighSurrogate(c) && (i + 1 == plain.length() || !Character.isLowSurrogate(plain.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(plain.charAt(i - 1)))) {
                    loneSurrogate = true;
                }
            }
            return loneSurrogate ? ESCAPING.writeValueAsString(body) : plain;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean parsesAsInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean parsesAsOffsetDateTime(String value) {
        try {
            OffsetDateTime.parse(value.trim());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean parsesAsPeriod(String value) {
        try {
            ReviewPeriod.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean wholeNumberIn(String value, long min, long max) {
        try {
            long number = Long.parseLong(value.trim());
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
