package org.sharedagreements.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the tests: requests as a given user, with tokens minted from the test secret. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String secret;

    public Api(String base, String secret) {
        this.base = base;
        this.secret = secret;
    }

    public String base() {
        return base;
    }

    public Caller as(String sub, String... roles) {
        return new Caller(token(sub, List.of(roles), Instant.now().plus(Duration.ofHours(1)), secret));
    }

    public Caller withToken(String token) {
        return new Caller(token);
    }

    public Caller anonymous() {
        return new Caller(null);
    }

    public static String token(String sub, List<String> roles, Instant expiresAt, String secret) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("roles", roles);
            if (sub != null) {
                claims.subject(sub);
            }
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public final class Caller {
        private final String token;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Caller(String token) {
            this.token = token;
        }

        public Caller header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response post(String path, Object body) {
            return send("POST", path, body == null ? null : (body instanceof String s ? s : write(body)),
                    "application/json");
        }

        public Response post(String path) {
            return send("POST", path, null, null);
        }

        public Response postRaw(String path, String body, String contentType) {
            return send("POST", path, body, contentType);
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Response send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, Map<String, List<String>> headers, String text) {

        public JsonNode body() {
            return text == null || text.isEmpty() ? JSON.nullNode() : json(text);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String field(String name) {
            return body().path(name).asText();
        }

        public long version() {
            return body().path("version").asLong(-1);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
