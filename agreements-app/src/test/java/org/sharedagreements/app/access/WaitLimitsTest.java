package org.sharedagreements.app.access;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.query.access.AgreementGate;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code minVersion} waits cost a caller little and the service less: one caller holds at most eight at once (the
 * ninth is 429 with {@code Retry-After}), and a wait holds no request thread, so more waits than the server has
 * request threads leave every other request answered at once.
 */
class WaitLimitsTest extends ApiTest {

    private static final int TOMCAT_REQUEST_THREADS = 200;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    private AgreementGate gate;

    @Test
    void oneCallerHoldsAtMostEightWaitsAtOnce() {
        String token = token("greedy-" + UUID.randomUUID());
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(waitOnRandomAgreement(token));
        }
        awaitOpenWaits(8);
        HttpResponse<String> ninth = waitOnRandomAgreement(token).join();

        assertThat(ninth.statusCode()).as(ninth.body()).isEqualTo(429);
        assertThat(ninth.headers().firstValue("Retry-After")).isPresent();
        assertThat(ninth.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(held).allSatisfy(wait -> assertThat(wait.join().statusCode()).isEqualTo(404));
        assertThat(waitOnRandomAgreement(token).join().statusCode()).as("places come back").isEqualTo(404);
    }

    @Test
    void moreWaitsThanRequestThreadsHoldNothingElseUp() {
        List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
        for (int caller = 0; caller < 40; caller++) {
            String token = token("waiter-" + UUID.randomUUID());
            for (int i = 0; i < 8; i++) {
                waits.add(waitOnRandomAgreement(token));
            }
        }
        assertThat(waits).hasSizeGreaterThan(TOMCAT_REQUEST_THREADS);
        awaitOpenWaits(waits.size());

        Api.Caller someoneElse = api.as("not-waiting-" + UUID.randomUUID());
        long started = System.nanoTime();
        Api.Response listing = someoneElse.get("/api/agreements");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(listing.status()).isEqualTo(200);
        assertThat(millis).as("answered while " + waits.size() + " waits are open").isLessThan(2_000);
        assertThat(waits).as("every wait still runs its course").allSatisfy(wait ->
                assertThat(wait.join().statusCode()).isEqualTo(404));
    }

    /** Until the service holds the waits sent so far (each is answered only after the whole wait). */
    private void awaitOpenWaits(int count) {
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20)).until(() -> gate.openWaits() >= count);
    }

    private CompletableFuture<HttpResponse<String>> waitOnRandomAgreement(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/agreements/" + UUID.randomUUID()
                        + "?minVersion=0"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String sub) {
        return Api.token(sub, List.of(), Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

}
