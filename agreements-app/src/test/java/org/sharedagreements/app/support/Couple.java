package org.sharedagreements.app.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sets up agreements over HTTP the way a couple would: drafted by one, joined by the other. */
public final class Couple {

    public final String agreementId;
    public final Api.Caller first;
    public final Api.Caller second;

    private Couple(String agreementId, Api.Caller first, Api.Caller second) {
        this.agreementId = agreementId;
        this.first = first;
        this.second = second;
    }

    public static Couple formed(Api api, String first, String second) {
        Api.Caller a = api.as(first);
        Api.Caller b = api.as(second);
        Api.Response drafted = a.post("/api/agreements", Map.of("title", "Our agreement"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.field("agreementId");
        assertThat(a.post(path(id, "/invitations"), Map.of("partnerId", second)).status()).isEqualTo(200);
        assertThat(b.post(path(id, "/join")).status()).isEqualTo(200);
        return new Couple(id, a, b);
    }

    /** An agreement someone already drafted, joined by a second partner. */
    public static Couple joined(Api api, String agreementId, Api.Caller first, String second) {
        Api.Caller b = api.as(second);
        assertThat(first.post(path(agreementId, "/invitations"), Map.of("partnerId", second)).status()).isEqualTo(200);
        assertThat(b.post(path(agreementId, "/join")).status()).isEqualTo(200);
        return new Couple(agreementId, first, b);
    }

    public String path(String suffix) {
        return path(agreementId, suffix);
    }

    private static String path(String id, String suffix) {
        return "/api/agreements/" + id + suffix;
    }

    /** Proposes a boundary as the first partner and accepts it as the second; answers its id. */
    public String activeBoundary(String category) {
        Api.Response proposed = first.post(path("/boundaries"), Map.of("category", category,
                "statement", "We tell each other about new online friendships", "reviewEvery", "P30D"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String boundaryId = proposed.field("boundaryId");
        Api.Response accepted = second.post(path("/boundaries/" + boundaryId + "/acceptances"),
                Map.of("boundaryVersion", 1));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return boundaryId;
    }

    /** A boundary's id and the agreement's version after a {@link #boundaryRound}. */
    public record Round(String boundaryId, long version) {
    }

    /**
     * One round of a couple's history on a new boundary (number {@code b} of agreement {@code n}): proposed and
     * accepted, a red flag raised and addressed, a breach by the second partner ({@code breachedBy}) acknowledged
     * and resolved by both, the boundary revised and accepted, consent withdrawn, and both reaffirming it.
     */
    public Round boundaryRound(int n, int b, String breachedBy) {
        String boundary = ok(first.post(path("/boundaries"), terms(n, b, 1))).field("boundaryId");
        String at = path("/boundaries/" + boundary);
        ok(second.post(at + "/acceptances", Map.of("boundaryVersion", 1)));
        String flag = ok(second.post(path("/red-flags"), Map.of("indicator", "STRESS",
                "note", "Work is heavy " + n))).field("flagId");
        ok(first.post(path("/red-flags/" + flag + "/addressing"), Map.of("note", "We talked")));
        String breach = ok(first.post(path("/breaches"), Map.of("boundaryId", boundary, "breachedBy", breachedBy,
                "description", "It happened once " + b,
                "occurredAt", Instant.now().minusSeconds(600).toString()))).field("breachId");
        ok(second.post(path("/breaches/" + breach + "/acknowledgement")));
        ok(first.post(path("/breaches/" + breach + "/resolutions"), Map.of("note", "Agreed")));
        ok(second.post(path("/breaches/" + breach + "/resolutions"), Map.of()));
        ok(first.post(at + "/revisions", terms(n, b, 2)));
        ok(second.post(at + "/acceptances", Map.of("boundaryVersion", 2)));
        ok(second.post(at + "/consent-withdrawals", Map.of("reason", "I need a pause")));
        ok(first.post(at + "/reaffirmations"));
        return new Round(boundary, ok(second.post(at + "/reaffirmations")).version());
    }

    private static Map<String, Object> terms(int n, int b, int version) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("category", b % 2 == 0 ? "ONLINE_ENGAGEMENT" : "DIGITAL_PRIVACY");
        terms.put("statement", "Boundary " + b + " of agreement " + n + ", version " + version);
        terms.put("measure", "We can both tell");
        terms.put("consequence", "We talk it through");
        terms.put("reviewEvery", "P" + (10 + b) + "D");
        return terms;
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response;
    }
}
