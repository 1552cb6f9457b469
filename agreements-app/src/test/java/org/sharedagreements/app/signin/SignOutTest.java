package org.sharedagreements.app.signin;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out of the pages signs out at the provider too (RP-initiated logout to the local provider's
 * {@code end_session_endpoint}): afterwards the pages send the person to sign in again, and the provider asks for
 * their credentials again rather than signing them straight back in.
 */
class SignOutTest extends ApiTest {

    @LocalServerPort
    private int port;

    @Test
    void signingOutEndsTheSessionAtThePagesAndAtTheProvider() throws Exception {
        Browser browser = new Browser(port);
        String loginName = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> home = browser.signUpAndIn(loginName, "correct horse battery staple", "partner");
        assertThat(home.uri().getPath()).isEqualTo("/app");

        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", Browser.csrf(home)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        URI toProvider = URI.create(Browser.location(signedOut));
        assertThat(toProvider.getPath()).isEqualTo("/connect/logout");
        assertThat(toProvider.getQuery()).contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + browser.base + "/");
        Browser.Visit back = browser.follow(signedOut);
        assertThat(back.last().uri().toString()).isEqualTo(browser.base + "/");
        assertThat(back.last().statusCode()).isEqualTo(200);

        Browser.Visit again = browser.follow(browser.get("/app"));
        assertThat(again.uris()).anyMatch(uri -> uri.startsWith(browser.base + "/oauth2/authorize?"));
        assertThat(again.last().uri().getPath()).isEqualTo("/auth/login");
        assertThat(again.last().body()).contains("<label for=\"password\"");
        assertThat(browser.get("/app").statusCode()).isEqualTo(302);
    }
}
