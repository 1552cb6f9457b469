package org.sharedagreements.app.support;

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
}
