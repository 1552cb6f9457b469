package org.sharedagreements.app.query;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures how long a command's effect takes to show in the read model: sequential commands, each acknowledged
 * (2xx) and then read back with {@code minVersion} (which answers as soon as the projections applied it). Asserts
 * only that every write became visible with the right version; the figures are printed, never asserted, since they
 * depend on the machine. {@code -Dlag.commands=500} measures more commands than the default 200.
 */
class ReadModelLagTest extends ApiTest {

    @Test
    void everyAcknowledgedCommandBecomesVisibleAndTheLagIsReported() {
        int commands = Integer.getInteger("lag.commands", 200);
        List<Couple> couples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            couples.add(Couple.formed(api, "ada-lag-" + UUID.randomUUID(), "ben-lag-" + UUID.randomUUID()));
        }
        List<Long> lagMicros = new ArrayList<>();
        String[] openFlag = new String[couples.size()];

        for (int i = 0; i < commands; i++) {
            int c = i % couples.size();
            Couple couple = couples.get(c);
            Api.Response acknowledged = openFlag[c] == null
                    ? couple.first.post(couple.path("/red-flags"), Map.of("indicator", "LONELINESS"))
                    : couple.second.post(couple.path("/red-flags/" + openFlag[c] + "/addressing"), Map.of());
            assertThat(acknowledged.status()).as(acknowledged.toString()).isBetween(200, 201);
            long acknowledgedAt = System.nanoTime();
            openFlag[c] = openFlag[c] == null ? acknowledged.field("flagId") : null;
            long version = acknowledged.version();

            Api.Response state = couple.first.get(couple.path("?minVersion=" + version));

            long visibleAt = System.nanoTime();
            assertThat(state.status()).as(state.toString()).isEqualTo(200);
            assertThat(state.body().path("version").asLong()).isGreaterThanOrEqualTo(version);
            lagMicros.add((visibleAt - acknowledgedAt) / 1_000);
        }

        Collections.sort(lagMicros);
        assertThat(lagMicros).hasSize(commands);
        System.out.printf("Read-model lag over %d sequential commands (acknowledged -> visible with minVersion): "
                        + "median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", commands,
                percentile(lagMicros, 50), percentile(lagMicros, 90), percentile(lagMicros, 99),
                lagMicros.get(lagMicros.size() - 1) / 1000.0);
    }

    private static double percentile(List<Long> sortedMicros, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, index)) / 1000.0;
    }
}
