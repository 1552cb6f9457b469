package org.sharedagreements.app.observability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Probes are open; Prometheus metrics (Axon's and ours) are for operators and carry no content. */
class MetricsTest extends ApiTest {

    @Test
    void operatorsScrapeAxonsMetricsAndCommandOutcomesWithoutContent() {
        String title = "metrics-title-" + System.nanoTime();
        assertThat(api.as("metrics-ada").post("/api/agreements", Map.of("title", title)).status()).isEqualTo(201);

        Api.Response scrape = api.as("metrics-operator", "operator").get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains("agreements_commands_total{outcome=\"accepted\",type=\"DraftAgreement\"}")
                .contains("commandBus").contains("agreements_projection_progress{projection=\"agreement-timeline\"}")
                .doesNotContain(title);
    }

    @Test
    void theReadModelProcessorReportsLatencyAndTimesButKeepsNoCapacityWindow() {
        assertThat(api.as("metrics-ann").post("/api/agreements", Map.of("title", "t")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = api.as("metrics-operator", "operator").get("/actuator/prometheus").text();
            assertThat(scrape).contains("eventProcessor_latency{processorName=\"read-models\"}")
                    .contains("eventProcessor_allTimer_seconds_count{payloadType=\"AgreementDrafted\",processorName=\"read-models\"}")
                    .contains("eventProcessor_ingestedCounter_total{payloadType=\"AgreementDrafted\",processorName=\"read-models\"}")
                    .doesNotContain("eventProcessor_capacity{payloadType=\"AgreementDrafted\",processorName=\"read-models\"}");
        });
    }

    @Test
    void metricsAreNotForPartnersAndProbesAreOpen() {
        assertThat(api.as("metrics-bo").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
