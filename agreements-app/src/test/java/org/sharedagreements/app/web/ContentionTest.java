package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 clients send commands to one agreement at once: each gets a 2xx or a rule's 409, and the agreement gains
 * exactly as many events as were acknowledged (no lost and no doubled events).
 */
class ContentionTest extends ApiTest {

    @Test
    void thirtyTwoConcurrentClientsOnOneAgreementLoseAndDoubleNothing() throws Exception {
        Couple couple = Couple.formed(api, "ct-ann", "ct-bob");
        String boundary = couple.first.post(couple.path("/boundaries"), Map.of("category", "OTHER",
                "statement", "We check in every evening")).field("boundaryId");
        long before = storedEvents(couple.agreementId);
        String acceptance = couple.path("/boundaries/" + boundary + "/acceptances");

        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Callable<int[]>> work = new ArrayList<>();
        for (int client = 0; client < 32; client++) {
            boolean first = client % 2 == 0;
            work.add(() -> {
                Api.Caller caller = api.as(first ? "ct-ann" : "ct-bob");
                int[] outcome = new int[3]; // 2xx answers, their events, rule 409s
                for (int i = 0; i < 4; i++) {
                    Api.Response response = i == 0
                            ? caller.post(acceptance, Map.of("boundaryVersion", 1))
                            : caller.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
                    if (response.status() / 100 == 2) {
                        outcome[0]++;
                        outcome[1] += i == 0 ? 2 : 1; // the accepting acceptance also activates the boundary
                    } else if (response.status() == 409) {
                        outcome[2]++;
                    } else {
                        throw new AssertionError("unexpected answer " + response);
                    }
                }
                return outcome;
            });
        }
        int acknowledged = 0;
        int events = 0;
        int refused = 0;
        for (Future<int[]> result : clients.invokeAll(work)) {
            int[] outcome = result.get();
            acknowledged += outcome[0];
            events += outcome[1];
            refused += outcome[2];
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledged + refused).isEqualTo(32 * 4);
        assertThat(acknowledged).as("96 red flags and one acceptance").isEqualTo(97);
        assertThat(storedEvents(couple.agreementId) - before).isEqualTo(events);
    }
}
