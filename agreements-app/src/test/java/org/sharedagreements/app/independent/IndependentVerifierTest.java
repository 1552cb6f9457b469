package org.sharedagreements.app.independent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outsider re-verifies both exports over HTTP with nothing but the published documents: the hash chain of
 * docs/contract.md, the checkpoint format of docs/sealing.md and the key the service serves. Deliberately no
 * class of the project here (an ArchUnit rule, {@code IndependentVerifierRulesTest}, checks the imports), so the
 * application is found by Spring Boot's search for the {@code @SpringBootApplication} above this package, runs in
 * a context and database of its own, and tokens are minted by hand (HS256 over the configured secret).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndependentVerifierTest {

    private static final String SECRET = "independent-verifier-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STATEMENT = "We tell each other about new online friendships";

    @LocalServerPort
    private int port;

    private String agreementId;
    private String first;
    private String second;
    private long lastVersion;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path directory = Files.createTempDirectory("independent-verifier-");
        directory.toFile().deleteOnExit();
        registry.add("agreements.embedded.data-dir", () -> directory.resolve("postgres").toString());
        registry.add("agreements.security.local-secret-file", () -> directory.resolve("jwt-secret").toString());
        registry.add("agreements.security.jwt.hmac-secret", () -> SECRET);
        registry.add("agreements.crypto.local-master-key-file", () -> directory.resolve("master-key").toString());
    }

    @BeforeEach
    void anAgreementWithABoundaryAndARedFlag() {
        first = "ivy-" + UUID.randomUUID();
        second = "jay-" + UUID.randomUUID();
        agreementId = post(first, "/api/agreements", Map.of("title", "Our agreement")).path("agreementId").asText();
        post(first, path("/invitations"), Map.of("partnerId", second));
        post(second, path("/join"), null);
        String boundary = post(first, path("/boundaries"), Map.of("category", "DIGITAL_PRIVACY",
                "statement", STATEMENT, "reviewEvery", "P30D")).path("boundaryId").asText();
        post(second, path("/boundaries/" + boundary + "/acceptances"), Map.of("boundaryVersion", 1));
        lastVersion = post(second, path("/red-flags"), Map.of("indicator", "STRESS", "note", "Long weeks"))
                .path("version").asLong();
    }

    @Test
    void bothExportsVerifyWithThePublishedFormulaTheCheckpointFormatAndTheServedKey() throws Exception {
        IndependentVerifier verifier = IndependentVerifier.forServedKey(
                get(token("aud-" + UUID.randomUUID(), "auditor"), "/api/integrity/checkpoint-key"));

        JsonNode partners = get(token(first), path("/export?minVersion=" + lastVersion));
        JsonNode auditors = get(token("aud-" + UUID.randomUUID(), "auditor"),
                "/api/audit/agreements/" + agreementId + "/export");

        assertThat(partners.path("events").size()).isEqualTo((int) lastVersion + 1);
        assertThat(partners.path("checkpoints").size()).isGreaterThanOrEqualTo(5);
        assertThat(verifier.problem(partners, true)).isNull();
        assertThat(verifier.problem(auditors, false)).isNull();
        assertThat(auditors.path("headHash")).isEqualTo(partners.path("headHash"));
        assertThat(auditors.path("checkpoints")).isEqualTo(partners.path("checkpoints"));
        JsonNode proposed = partners.path("events").get(3);
        assertThat(proposed.path("type").asText()).isEqualTo("BoundaryProposed");
        assertThat(proposed.path("data").isObject()).isTrue();
        assertThat(proposed.path("data").has("agreementId")).isFalse();
        assertThat(proposed.path("data").toString()).contains(STATEMENT);
        assertThat(new String(Base64.getDecoder().decode(proposed.path("payload").asText()), StandardCharsets.UTF_8))
                .doesNotContain(STATEMENT);
        assertThat(auditors.toString()).doesNotContain(STATEMENT);
    }

    @Test
    void aChangedPayloadByteOrADroppedLastEventFails() throws Exception {
        IndependentVerifier verifier = IndependentVerifier.forServedKey(
                get(token(first), "/api/integrity/checkpoint-key"));
        JsonNode export = get(token(first), path("/export?minVersion=" + lastVersion));
        int last = export.path("events").size() - 1;

        ObjectNode changedByte = export.deepCopy();
        ObjectNode third = (ObjectNode) changedByte.path("events").get(2);
        byte[] payload = Base64.getDecoder().decode(third.path("payload").asText());
        payload[payload.length / 2] ^= 0x01;
        third.put("payload", Base64.getEncoder().encodeToString(payload));
        assertThat(verifier.problem(changedByte, true)).startsWith("event 2:");

        ObjectNode dropped = export.deepCopy();
        ((ArrayNode) dropped.path("events")).remove(last);
        assertThat(verifier.problem(dropped, true)).isEqualTo("headHash is not the hash of the last event");

        // a careful forger also moves the head back: the signed checkpoint of the dropped event still shows it
        dropped.put("headHash", dropped.path("events").get(last - 1).path("hash").asText());
        assertThat(verifier.problem(dropped, true)).isEqualTo("checkpoint " + last + ": the chain has no event " + last);
    }

    @Test
    void aChainCutBackWithItsCheckpointsFailsAgainstACheckpointKeptFromAnEarlierExport() throws Exception {
        IndependentVerifier verifier = IndependentVerifier.forServedKey(
                get(token(second), "/api/integrity/checkpoint-key"));
        JsonNode export = get(token(second), path("/export?minVersion=" + lastVersion));
        JsonNode checkpoints = export.path("checkpoints");
        JsonNode kept = checkpoints.get(checkpoints.size() - 1);
        int last = export.path("events").size() - 1;

        ObjectNode cutBack = export.deepCopy();
        ((ArrayNode) cutBack.path("events")).remove(last);
        ((ArrayNode) cutBack.path("checkpoints")).remove(checkpoints.size() - 1);
        cutBack.put("headHash", cutBack.path("events").get(last - 1).path("hash").asText());

        assertThat(verifier.problem(cutBack, true)).as("consistent in itself").isNull();
        assertThat(verifier.problem(cutBack, true, kept)).contains("the kept checkpoint of sequence " + last);
        assertThat(verifier.problem(export, true, kept)).isNull();
    }

    @Test
    void aCheckpointChangedAfterSigningOrSignedByAnotherKeyFails() throws Exception {
        IndependentVerifier verifier = IndependentVerifier.forServedKey(
                get(token(first), "/api/integrity/checkpoint-key"));
        JsonNode export = get(token(first), path("/export?minVersion=" + lastVersion));

        ObjectNode moved = export.deepCopy();
        ObjectNode checkpoint = (ObjectNode) moved.path("checkpoints").get(1);
        checkpoint.put("signedAt", Instant.parse(checkpoint.path("signedAt").asText()).plusMillis(1).toString());
        assertThat(verifier.problem(moved, true)).contains("the signature does not verify");

        ObjectNode otherKey = export.deepCopy();
        ((ObjectNode) otherKey.path("checkpoints").get(0)).put("keyId", "someone-else");
        assertThat(verifier.problem(otherKey, true)).contains("the signature does not verify");
    }

    private String path(String suffix) {
        return "/api/agreements/" + agreementId + suffix;
    }

    private JsonNode post(String sub, String path, Object body) {
        return send(token(sub), HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body))), 200, 201);
    }

    private JsonNode get(String token, String path) {
        return send(token, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), 200);
    }

    private static JsonNode send(String token, HttpRequest.Builder request, int... expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(java.util.Arrays.stream(expected).boxed().toList());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 JWT over the configured secret, as docs/contract.md ("Authentication") describes. */
    private static String token(String sub, String... roles) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String header = base64url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64url.encodeToString(write(Map.of("sub", sub, "roles", List.of(roles),
                "exp", Instant.now().plusSeconds(3600).getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + base64url.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
