package org.sharedagreements.app.observability;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.security.SecurityConfiguration;
import org.sharedagreements.app.web.BodyLimitConfiguration;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.OversizedUpload;
import org.sharedagreements.app.support.OversizedUpload.Answer;
import org.sharedagreements.app.support.OversizedUpload.Framing;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.JvmMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, the actuator moves to that private port: Prometheus scrapes there
 * need no token, the other management endpoints still need the operator role, and the public port serves no
 * metrics at all; the body limit guards the management server as it does the public one. A small context (web,
 * security, actuator; no database, no Axon) with our security chain and body limit.
 */
@SpringBootTest(classes = ManagementPortTest.SecuredActuator.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0",
                // the readiness group names the database, which this context has not
                "management.endpoint.health.validate-group-membership=false"})
@AutoConfigureObservability(tracing = false)
class ManagementPortTest {

    private static final String SECRET = "management-port-secret-at-least-32-bytes";

    @LocalServerPort
    private int publicPort;

    @LocalManagementPort
    private int managementPort;

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
            ManagementContextAutoConfiguration.class, ServletManagementContextAutoConfiguration.class,
            HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
            MetricsAutoConfiguration.class, JvmMetricsAutoConfiguration.class, MetricsEndpointAutoConfiguration.class,
            PrometheusMetricsExportAutoConfiguration.class})
    @Import({SecurityConfiguration.class, BodyLimitConfiguration.class})
    static class SecuredActuator {

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
        }
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutAToken() {
        Api.Response scrape = on(managementPort).anonymous().get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        assertThat(scrape.text()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void theOtherManagementEndpointsStillNeedTheOperatorAndProbesStayOpen() {
        Api management = on(managementPort);

        assertThat(management.anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(management.as("mp-partner").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(management.as("mp-operator", "operator").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(management.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void thePublicPortServesNoMetrics() {
        Api publicApi = on(publicPort);

        assertThat(publicApi.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(publicApi.as("mp-operator", "operator").get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void theBodyLimitGuardsTheOpenManagementEndpointsToo() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            for (Framing framing : Framing.values()) {
                Answer answer = OversizedUpload.send(managementPort, "GET", path, "application/json", framing, null);

                if (framing == Framing.CONTENT_LENGTH) {
                    assertThat(answer.status()).as(path + " " + framing).isEqualTo(413);
                } else {
                    // cut off at the limit while the actuator reads it; its own error handling calls that 400
                    assertThat(answer.status()).as(path + " " + framing).isIn(400, 413);
                }
                assertThat(answer.sentBeforeAnswer()).as(path + " " + framing)
                        .isLessThan(OversizedUpload.UNREAD_IN_FLIGHT);
            }
        }
    }

    private static Api on(int port) {
        return new Api("http://localhost:" + port, SECRET);
    }
}
