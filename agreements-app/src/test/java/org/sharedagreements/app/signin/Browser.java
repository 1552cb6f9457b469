package org.sharedagreements.app.signin;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the sign-in tests: cookies kept, redirects followed one by one with GET, as a browser does, forms
 * posted with their CSRF token, and JSON posted with the token from the page's meta tag, as passkey.js does.
 */
final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    final String base;

    Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(absolute(uri))).header("Accept", "text/html").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(absolute(uri))).header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one of this browser's cookies for the service. */
    String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base))
                .stream().filter(cookie -> cookie.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    /** A JSON POST as passkey.js sends it: the CSRF token of {@code page} in the X-CSRF-TOKEN header. */
    HttpResponse<String> postJson(String uri, String json, HttpResponse<String> page)
            throws IOException, InterruptedException {
        Matcher token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("a CSRF meta tag in the page").isTrue();
        return client.send(HttpRequest.newBuilder(URI.create(absolute(uri))).header("Accept", "application/json")
                        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects with GET, as a browser does after a 302. */
    Visit follow(HttpResponse<String> response) throws IOException, InterruptedException {
        List<String> uris = new ArrayList<>();
        HttpResponse<String> current = response;
        for (int hop = 0; hop < 10 && current.statusCode() / 100 == 3; hop++) {
            String next = location(current);
            uris.add(next);
            current = get(next);
        }
        return new Visit(uris, current);
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return URI.create(response.uri().toString()).resolve(location).toString();
    }

    static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    /** Signs up with a password and the role (or {@code partner}), signs in, and answers the page it lands on. */
    HttpResponse<String> signUpAndIn(String loginName, String password, String role)
            throws IOException, InterruptedException {
        follow(get("/app"));
        HttpResponse<String> signUpPage = get("/auth/signup");
        HttpResponse<String> signedUp = post("/auth/signup", Map.of("username", loginName, "password", password,
                "passwordAgain", password, "role", role, "method", "password", "_csrf", csrf(signUpPage)));
        assertThat(signedUp.statusCode()).as("signed up").isEqualTo(302);
        return signIn(loginName, password).last();
    }

    Visit signIn(String loginName, String password) throws IOException, InterruptedException {
        HttpResponse<String> signInPage = get("/auth/login");
        HttpResponse<String> signedIn = post("/auth/login", Map.of("username", loginName, "password", password,
                "_csrf", csrf(signInPage)));
        assertThat(signedIn.statusCode()).as("signed in").isEqualTo(302);
        return follow(signedIn);
    }

    private String absolute(String uri) {
        return uri.startsWith("/") ? base + uri : uri;
    }

    record Visit(List<String> uris, HttpResponse<String> last) {
    }
}
