package org.sharedagreements.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is generated from the code, open to read, and describes every command with its body,
 * the bearer scheme and the problem answers. It is written to target/openapi.json for the linter in .ci/run.
 */
class OpenApiTest extends ApiTest {

    @Test
    void theDocumentDescribesTheContract() throws IOException {
        Api.Response document = api.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        Path written = Path.of("target", "openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, document.text());
        JsonNode openApi = document.body();
        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        JsonNode paths = openApi.path("paths");
        for (String path : new String[]{"/api/agreements", "/api/agreements/{a}/boundaries",
                "/api/agreements/{a}/boundaries/{b}/acceptances", "/api/agreements/{a}/breaches",
                "/api/agreements/{a}/counsellors/{c}", "/api/agreements/{a}/erasure"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode propose = paths.path("/api/agreements/{a}/boundaries").path("post");
        assertThat(propose.path("requestBody").toString()).contains("BoundaryTerms");
        assertThat(propose.path("responses").has("409")).isTrue();
        assertThat(propose.path("responses").has("400")).isTrue();
        assertThat(openApi.path("components").path("securitySchemes").has("bearer-jwt")).isTrue();
        assertThat(openApi.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(openApi.path("components").path("schemas").path("BoundaryTerms").path("properties")
                .path("category").toString()).contains("ONLINE_ENGAGEMENT");

        assertThat(api.anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
