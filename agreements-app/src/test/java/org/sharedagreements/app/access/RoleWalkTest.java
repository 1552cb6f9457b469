package org.sharedagreements.app.access;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint of api.md with every kind of caller and checks the status design.md's table allows:
 * partners act and read; a granted counsellor reads but may not act (403); auditors read only the redacted audit
 * endpoints and may not act (403, they may see every agreement); operators see projections only; everyone else is
 * told the agreement does not exist (404). Endpoints that name no agreement (caseload, audit listing, admin)
 * refuse other roles with 403. No token is 401 everywhere. Commands go with a stale {@code If-Match}, so a caller
 * who may act gets 412 and nothing changes.
 */
class RoleWalkTest extends ApiTest {

    private static final String STALE = "\"999999\"";

    enum Role { ANONYMOUS, STRANGER, PARTNER, COUNSELLOR_GRANTED, COUNSELLOR_NOT_GRANTED, AUDITOR, OPERATOR }

    enum Kind { COMMAND, DRAFT, LIST, AGREEMENT_QUERY, STREAM, CASELOAD, AUDIT_LIST, AUDIT_AGREEMENT, ADMIN_STATUS,
        ADMIN_REPLAY }

    record Probe(Kind kind, String method, String path, Object body) {
    }

    private String title;
    private String statement;
    private String partner;
    private String grantedCounsellor;
    private String pendingCounsellor;
    private Couple couple;
    private List<Probe> probes;

    @BeforeEach
    void anAgreementWithSomethingOfEverything() {
        title = "Walk title " + marker();
        statement = "Walk statement " + marker();
        partner = unique("pam");
        String second = unique("rob");
        grantedCounsellor = unique("dr-granted");
        pendingCounsellor = unique("dr-pending");
        couple = Couple.formed(api, partner, second);
        String a = couple.path("");
        assertThat(couple.first.post(a + "/boundaries", Map.of("category", "FLIRTATION", "statement", statement))
                .status()).isEqualTo(201);
        String boundary = couple.activeBoundary("ONLINE_ENGAGEMENT");
        Api.Response breach = couple.first.post(a + "/breaches", Map.of("boundaryId", boundary, "breachedBy", second,
                "description", "Walk breach " + marker(),
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        assertThat(breach.status()).as(breach.toString()).isEqualTo(201);
        Api.Response flag = couple.second.post(a + "/red-flags", Map.of("indicator", "LONELINESS"));
        assertThat(flag.status()).as(flag.toString()).isEqualTo(201);
        assertThat(couple.first.post(a + "/counsellors", Map.of("counsellorId", grantedCounsellor)).status())
                .isEqualTo(201);
        assertThat(couple.second.post(a + "/counsellors/" + grantedCounsellor + "/approvals").status()).isEqualTo(200);
        long version = couple.first.post(a + "/counsellors", Map.of("counsellorId", pendingCounsellor)).version();
        // every read model has caught up before the walk, so no answer depends on projection lag
        Api.Response caughtUp = api.as(grantedCounsellor, "counsellor")
                .get(a + "/timeline?minVersion=" + version);
        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(couple.first.get(a + "/boundaries/" + boundary + "/history?minVersion=" + version).status())
                .isEqualTo(200);

        String b = a + "/boundaries/" + boundary;
        String r = a + "/breaches/" + breach.field("breachId");
        String f = a + "/red-flags/" + flag.field("flagId");
        Map<String, Object> terms = Map.of("category", "OTHER", "statement", "Walk revision");
        probes = List.of(
                new Probe(Kind.DRAFT, "POST", "/api/agreements", Map.of("title", "Walk draft")),
                command("POST", a + "/invitations", Map.of("partnerId", unique("newbie"))),
                command("POST", a + "/join", null),
                command("POST", a + "/leave", null),
                command("POST", a + "/boundaries", terms),
                command("POST", b + "/acceptances", Map.of("boundaryVersion", 1)),
                command("POST", b + "/declines", Map.of("boundaryVersion", 1)),
                command("POST", b + "/withdrawal", null),
                command("POST", b + "/revisions", terms),
                command("POST", b + "/consent-withdrawals", Map.of()),
                command("POST", b + "/reaffirmations", null),
                command("POST", b + "/retirements", null),
                command("POST", a + "/breaches", Map.of("boundaryId", boundary, "breachedBy", second,
                        "description", "Another", "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString())),
                command("POST", r + "/acknowledgement", null),
                command("POST", r + "/resolutions", Map.of()),
                command("POST", a + "/red-flags", Map.of("indicator", "STRESS")),
                command("POST", f + "/addressing", Map.of()),
                command("POST", a + "/counsellors", Map.of("counsellorId", unique("dr-new"))),
                command("POST", a + "/counsellors/" + pendingCounsellor + "/approvals", null),
                command("DELETE", a + "/counsellors/" + grantedCounsellor, null),
                command("POST", a + "/erasure", null),
                new Probe(Kind.LIST, "GET", "/api/agreements", null),
                query(a),
                query(a + "/timeline"),
                query(b + "/history"),
                query(a + "/verification"),
                query(a + "/export"),
                new Probe(Kind.STREAM, "GET", a + "/stream?after=-1", null),
                new Probe(Kind.CASELOAD, "GET", "/api/counsellor/caseload", null),
                new Probe(Kind.AUDIT_LIST, "GET", "/api/audit/agreements", null),
                new Probe(Kind.AUDIT_AGREEMENT, "GET", "/api/audit/agreements/" + couple.agreementId + "/timeline",
                        null),
                new Probe(Kind.AUDIT_AGREEMENT, "GET", "/api/audit/agreements/" + couple.agreementId + "/verification",
                        null),
                new Probe(Kind.AUDIT_AGREEMENT, "GET", "/api/audit/agreements/" + couple.agreementId + "/export", null),
                new Probe(Kind.ADMIN_STATUS, "GET", "/api/admin/projections", null),
                // a projection that does not exist: an operator gets 404 and nothing is rebuilt under other tests
                new Probe(Kind.ADMIN_REPLAY, "POST", "/api/admin/projections/no-such-projection/replay", null));
    }

    @Test
    void withoutATokenEverythingIs401() {
        walk(Role.ANONYMOUS, () -> api.anonymous(), null);
    }

    @Test
    void aStrangerIsToldTheAgreementDoesNotExist() {
        String stranger = unique("stranger");
        List<Map<Probe, Api.Response>> seen = walk(Role.STRANGER, () -> api.as(stranger), tokenOf(stranger));
        assertThat(listed(seen)).isFalse();
    }

    @Test
    void aPartnerMayDoEverythingOnItsAgreement() {
        List<Map<Probe, Api.Response>> seen = walk(Role.PARTNER, () -> api.as(partner), tokenOf(partner));
        assertThat(listed(seen)).isTrue();
    }

    @Test
    void aGrantedCounsellorReadsEverythingAndActsOnNothing() {
        List<Map<Probe, Api.Response>> seen = walk(Role.COUNSELLOR_GRANTED,
                () -> api.as(grantedCounsellor, "counsellor"),
                tokenOf(grantedCounsellor, "counsellor"));
        assertThat(listed(seen)).isTrue();
        assertThat(response(seen, Kind.CASELOAD).text()).contains(couple.agreementId);
    }

    @Test
    void aCounsellorNotGrantedSeesNothingOfTheAgreement() {
        List<Map<Probe, Api.Response>> seen = walk(Role.COUNSELLOR_NOT_GRANTED,
                () -> api.as(pendingCounsellor, "counsellor"),
                tokenOf(pendingCounsellor, "counsellor"));
        assertThat(listed(seen)).isFalse();
        assertThat(response(seen, Kind.CASELOAD).text()).doesNotContain(couple.agreementId);
    }

    @Test
    void anAuditorSeesOnlyTheRedactedAuditViewAndActsOnNothing() {
        String auditor = unique("audrey");
        List<Map<Probe, Api.Response>> seen = walk(Role.AUDITOR, () -> api.as(auditor, "auditor"),
                tokenOf(auditor, "auditor"));
        assertThat(listed(seen)).isFalse();
        assertThat(response(seen, Kind.AUDIT_LIST).text()).contains(couple.agreementId);
        for (Map<Probe, Api.Response> one : seen) {
            one.forEach((probe, response) -> {
                if (probe.kind() == Kind.AUDIT_LIST || probe.kind() == Kind.AUDIT_AGREEMENT) {
                    assertThat(response.text()).as(probe.path()).doesNotContain(title, statement, "Walk breach",
                            partner, grantedCounsellor, "ONLINE_ENGAGEMENT", "FLIRTATION", "LONELINESS");
                }
            });
        }
    }

    @Test
    void anOperatorSeesProjectionsAndNoAgreement() {
        String operator = unique("ops");
        List<Map<Probe, Api.Response>> seen = walk(Role.OPERATOR, () -> api.as(operator, "operator"),
                tokenOf(operator, "operator"));
        assertThat(listed(seen)).isFalse();
        assertThat(response(seen, Kind.ADMIN_STATUS).text()).doesNotContain(couple.agreementId, title);
    }

    /**
     * A stale {@code If-Match} must not tell someone who may not see the agreement that it exists (412 instead of
     * 404), nor, by trying versions, its current version. The
     * agreement's own guard compares If-Match only after it decided the caller may see the agreement.
     */
    @Test
    void aStaleIfMatchTellsCallersWhoMayNotSeeTheAgreementNothing() {
        Map<Role, Api.Caller> callers = Map.of(Role.STRANGER, api.as(unique("stranger")),
                Role.COUNSELLOR_NOT_GRANTED, api.as(pendingCounsellor, "counsellor"),
                Role.OPERATOR, api.as(unique("ops"), "operator"),
                Role.COUNSELLOR_GRANTED, api.as(grantedCounsellor, "counsellor"),
                Role.AUDITOR, api.as(unique("audrey"), "auditor"));
        List<String> mismatches = new ArrayList<>();
        callers.forEach((role, caller) -> {
            for (Probe probe : probes) {
                if (probe.kind() == Kind.COMMAND) {
                    caller.header("If-Match", STALE);
                    Api.Response response = send(role, caller, null, probe);
                    if (response.status() != expected(role, Kind.COMMAND)) {
                        mismatches.add(role + " " + probe.method() + " " + probe.path() + ": got " + response.status());
                    }
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    /** What design.md's table (and api.md's status table) allow. */
    private static int expected(Role role, Kind kind) {
        if (role == Role.ANONYMOUS) {
            return 401;
        }
        boolean reader = role == Role.PARTNER || role == Role.COUNSELLOR_GRANTED;
        return switch (kind) {
            case COMMAND -> role == Role.PARTNER ? 412
                    : role == Role.COUNSELLOR_GRANTED || role == Role.AUDITOR ? 403 : 404;
            case DRAFT -> role == Role.PARTNER || role == Role.STRANGER ? 201 : 403;
            case LIST -> 200;
            case AGREEMENT_QUERY, STREAM -> reader ? 200 : 404;
            case CASELOAD -> role == Role.COUNSELLOR_GRANTED || role == Role.COUNSELLOR_NOT_GRANTED ? 200 : 403;
            case AUDIT_LIST -> role == Role.AUDITOR ? 200 : 403;
            case AUDIT_AGREEMENT -> role == Role.AUDITOR ? 200 : 404;
            case ADMIN_STATUS -> role == Role.OPERATOR ? 200 : 403;
            case ADMIN_REPLAY -> role == Role.OPERATOR ? 404 : 403;
        };
    }

    /** Sends every probe as the caller; collects every mismatch before failing, so one run shows them all. */
    private List<Map<Probe, Api.Response>> walk(Role role, Supplier<Api.Caller> callers, String token) {
        List<String> mismatches = new ArrayList<>();
        List<Map<Probe, Api.Response>> seen = new ArrayList<>();
        for (Probe probe : probes) {
            Api.Response response = send(role, callers.get(), token, probe);
            seen.add(Map.of(probe, response));
            int expected = expected(role, probe.kind());
            if (response.status() != expected) {
                mismatches.add(probe.method() + " " + probe.path() + ": expected " + expected + ", got " + response);
            } else if (response.status() >= 400 && !String.valueOf(response.header("Content-Type"))
                    .startsWith("application/problem+json")) {
                mismatches.add(probe.method() + " " + probe.path() + ": not problem+json: " + response);
            }
        }
        assertThat(mismatches).as(role + " walk").isEmpty();
        Api.Response state = couple.first.get(couple.path(""));
        assertThat(state.body().path("status").asText()).as("nothing changed the agreement").isEqualTo("ACTIVE");
        return seen;
    }

    /**
     * Partners send commands with a stale {@code If-Match}, so they get 412 and change nothing; everyone else sends
     * none, so the refusal they get is the one for their role (see
     * {@link #aStaleIfMatchTellsCallersWhoMayNotSeeTheAgreementNothing}).
     */
    private Api.Response send(Role role, Api.Caller caller, String token, Probe probe) {
        if (probe.kind() == Kind.STREAM) {
            return stream(token, probe.path());
        }
        if (probe.kind() == Kind.COMMAND && role == Role.PARTNER) {
            caller.header("If-Match", STALE);
        }
        if (probe.method().equals("DELETE")) {
            return caller.delete(probe.path());
        }
        if (probe.method().equals("POST")) {
            return probe.body() == null ? caller.post(probe.path()) : caller.post(probe.path(), probe.body());
        }
        return caller.get(probe.path());
    }

    /** Opens the event stream, keeps status, headers and whatever body a refusal has, and hangs up. */
    private Api.Response stream(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).GET()
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(20, TimeUnit.SECONDS);
            String body;
            try (InputStream in = response.body()) {
                body = response.statusCode() == 200 ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (response.statusCode() == 200) {
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("text/event-stream");
            }
            return new Api.Response(response.statusCode(), response.headers().map(), body);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean listed(List<Map<Probe, Api.Response>> seen) {
        JsonNode list = response(seen, Kind.LIST).body();
        for (JsonNode entry : list) {
            if (entry.path("agreementId").asText().equals(couple.agreementId)) {
                return true;
            }
        }
        return false;
    }

    private static Api.Response response(List<Map<Probe, Api.Response>> seen, Kind kind) {
        return seen.stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey().kind() == kind)
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static Probe command(String method, String path, Object body) {
        return new Probe(Kind.COMMAND, method, path, body);
    }

    private static Probe query(String path) {
        return new Probe(Kind.AGREEMENT_QUERY, "GET", path, null);
    }

    private static String tokenOf(String sub, String... roles) {
        return Api.token(sub, List.of(roles), Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    private static String marker() {
        return "mk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
