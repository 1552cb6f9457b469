package org.sharedagreements.app.signin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.web.account.LocalAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages' sign-in, played over HTTP as a browser would (cookies kept, redirects followed one by one) against
 * the local profile's own OpenID provider: sign up, sign in, back at {@code /app} with a session; the draft form
 * goes through the same command gateway and gate as the API. The API itself stays bearer-only.
 */
class SignInFlowTest extends ApiTest {

    @LocalServerPort
    private int port;

    @Autowired
    private LocalAccounts accounts;

    private Browser browser;
    private String base;

    @BeforeEach
    void browser() {
        browser = new Browser(port);
        base = browser.base;
    }

    @Test
    void aNewPersonSignsUpSignsInAndDraftsAnAgreementThroughThePages() throws Exception {
        String loginName = "web-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery staple";

        HttpResponse<String> first = get(base + "/app");
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/oauth2/authorization/local");
        String sessionCookie = setCookie(first, "SESSION");
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");

        Browser.Visit toSignIn = follow(first);
        assertThat(toSignIn.uris()).anyMatch(uri -> uri.startsWith(base + "/oauth2/authorize?"));
        assertThat(toSignIn.last().uri().getPath()).isEqualTo("/auth/login");
        assertThat(toSignIn.last().statusCode()).isEqualTo(200);
        assertThat(toSignIn.last().body()).contains("<html lang=\"en\"").contains("<label for=\"username\"");

        HttpResponse<String> signUpPage = get(base + "/auth/signup");
        HttpResponse<String> mismatch = post(base + "/auth/signup", Map.of("username", loginName,
                "password", password, "passwordAgain", password + "!", "_csrf", csrf(signUpPage)));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two passwords differ.");
        HttpResponse<String> signedUp = post(base + "/auth/signup", Map.of("username", loginName,
                "password", password, "passwordAgain", password, "_csrf", csrf(mismatch)));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(location(signedUp)).endsWith("/auth/login?signedUp");
        String accountId = accounts.loadUserByUsername(loginName).getUsername();
        assertThat(UUID.fromString(accountId).toString()).isEqualTo(accountId).isNotEqualTo(loginName);
        // the account table names nobody in the clear: the login name by blind index, id and name sealed
        String accountRows = String.join("\n", jdbc.queryForList("SELECT a::text FROM local_account a", String.class));
        assertThat(accountRows).doesNotContain(loginName).doesNotContain(accountId);
        for (byte[] sealed : jdbc.queryForList("SELECT sealed FROM local_account", byte[].class)) {
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(loginName).doesNotContain(accountId);
        }

        HttpResponse<String> signInPage = get(base + "/auth/login?signedUp");
        HttpResponse<String> signedIn = post(base + "/auth/login", Map.of("username", loginName,
                "password", password, "_csrf", csrf(signInPage)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        Browser.Visit back = follow(signedIn);
        assertThat(back.uris()).anyMatch(uri -> uri.startsWith(base + "/login/oauth2/code/local?code="));
        HttpResponse<String> home = back.last();
        assertThat(home.uri().getPath()).isEqualTo("/app");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as " + loginName).contains("You have no agreements yet.")
                .contains("<main id=\"content\">");

        String title = "Our web agreement " + UUID.randomUUID();
        HttpResponse<String> withoutToken = post(base + "/app/agreements", Map.of("title", title));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> untitled = post(base + "/app/agreements", Map.of("title", " ", "_csrf", csrf(home)));
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body()).contains("Give the agreement a title of 1 to 200 characters");
        HttpResponse<String> drafted = post(base + "/app/agreements", Map.of("title", title, "_csrf", csrf(home)));
        assertThat(drafted.statusCode()).isEqualTo(302);
        assertThat(location(drafted)).contains("/app?agreementId=");
        HttpResponse<String> listed = get(location(drafted));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(title).contains("<td>Forming: waiting for a partner to join</td>").contains("<td>Partner</td>").contains("Signed in as " + loginName);

        Api.Response viaApi = api.as(accountId).get("/api/agreements");
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.text()).contains(title);
        String agreementId = location(drafted).substring(location(drafted).indexOf("agreementId=") + 12);
        assertThat(viaApi.text()).contains(agreementId);

        // the session cookie does not open the API: it still wants a bearer token, and sends no one to a login page
        HttpResponse<String> apiWithSession = get(base + "/api/agreements");
        assertThat(apiWithSession.statusCode()).isEqualTo(401);
        assertThat(apiWithSession.headers().firstValue("Location")).isEmpty();
        assertThat(apiWithSession.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));

        String sessionId = new String(Base64.getDecoder().decode(currentSession()), StandardCharsets.UTF_8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ? "
                + "AND principal_name IS NULL", Long.class, sessionId)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT a.attribute_name FROM spring_session_attributes a JOIN spring_session s "
                + "ON s.primary_id = a.session_primary_id WHERE s.session_id = ?", String.class, sessionId))
                .contains("SPRING_SECURITY_CONTEXT");
        // the attributes (the signed-in person's id, their tokens) are sealed: nobody in the clear
        for (byte[] attribute : jdbc.queryForList("SELECT a.attribute_bytes FROM spring_session_attributes a "
                + "JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = ?",
                byte[].class, sessionId)) {
            String bytes = new String(attribute, StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(accountId).doesNotContain(loginName).doesNotContain("SecurityContext");
        }
    }

    @Test
    void theApiAnswersWithoutASessionOrALoginPage() throws Exception {
        HttpResponse<String> answer = get(base + "/api/agreements");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> first = browser.send(HttpRequest.newBuilder(URI.create(base + "/app"))
                .header("Accept", "text/html").header("X-Forwarded-Proto", "https").GET().build());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(setCookie(first, "SESSION")).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aWrongPasswordStaysAtTheSignInPage() throws Exception {
        follow(get(base + "/app"));
        HttpResponse<String> page = get(base + "/auth/login");
        HttpResponse<String> refused = post(base + "/auth/login", Map.of("username", "nobody-" + UUID.randomUUID(),
                "password", "not the password at all", "_csrf", csrf(page)));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).endsWith("/auth/login?error");
        assertThat(get(location(refused)).body()).contains("do not match an account");
        assertThat(get(base + "/app").statusCode()).isEqualTo(302);
    }

    @Test
    void tooManyWrongPasswordsForOneNameAreRefusedWithoutATryEvenTheRightOne() throws Exception {
        String loginName = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery staple";
        browser.signUpAndIn(loginName, password, "partner");
        Browser guesser = new Browser(port);
        guesser.follow(guesser.get("/app"));
        for (int guess = 0; guess < 10; guess++) {
            HttpResponse<String> refused = guesser.post("/auth/login", Map.of("username", loginName,
                    "password", "guess number " + guess, "_csrf", Browser.csrf(guesser.get("/auth/login"))));
            assertThat(Browser.location(refused)).as("guess " + guess).endsWith("/auth/login?error");
        }
        HttpResponse<String> right = guesser.post("/auth/login", Map.of("username", loginName.toUpperCase(),
                "password", password, "_csrf", Browser.csrf(guesser.get("/auth/login"))));
        assertThat(Browser.location(right)).endsWith("/auth/login?throttled");
        assertThat(guesser.get(Browser.location(right)).body()).contains("Too many wrong passwords");
        assertThat(guesser.get("/app").statusCode()).isEqualTo(302);

        // a name nobody signed up with is counted the same, so the refusal tells nothing about accounts
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String last = null;
        for (int guess = 0; guess <= 10; guess++) {
            last = Browser.location(guesser.post("/auth/login", Map.of("username", nobody, "password", "x" + guess,
                    "_csrf", Browser.csrf(guesser.get("/auth/login")))));
        }
        assertThat(last).endsWith("/auth/login?throttled");
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return browser.get(uri);
    }

    private HttpResponse<String> post(String uri, Map<String, String> form) throws IOException, InterruptedException {
        return browser.post(uri, form);
    }

    private Browser.Visit follow(HttpResponse<String> response) throws IOException, InterruptedException {
        return browser.follow(response);
    }

    private static String location(HttpResponse<String> response) {
        return Browser.location(response);
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie set"));
    }

    private String currentSession() {
        return browser.cookie("SESSION");
    }

    private static String csrf(HttpResponse<String> page) {
        return Browser.csrf(page);
    }
}
