package org.sharedagreements.app.signin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.kernel.access.Role;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles a person signs up with at the local provider reach the web session as the API's tokens give them:
 * the provider's ID token carries them in {@code roles}, and the session maps them to {@code ROLE_} authorities,
 * which the pages' navigation shows.
 */
class RolesInTheSessionTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    private int port;

    private Browser browser;

    @BeforeEach
    void browser() {
        browser = new Browser(port);
    }

    @Test
    void aCounsellorWhoSignsUpLocallyHasTheCounsellorRoleInTheSession() throws Exception {
        String loginName = "counsellor-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> home = browser.signUpAndIn(loginName, PASSWORD, Role.COUNSELLOR.claim());
        assertThat(home.uri().getPath()).isEqualTo("/app");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Signed in as " + loginName).contains("href=\"/app/caseload\"")
                .doesNotContain("href=\"/app/audit\"").doesNotContain("href=\"/app/operations\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM local_account WHERE roles = ?", Long.class,
                Role.COUNSELLOR.claim())).isPositive();
    }

    @Test
    void aPartnerHasNoRole() throws Exception {
        String loginName = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> home = browser.signUpAndIn(loginName, PASSWORD, "partner");
        assertThat(home.uri().getPath()).isEqualTo("/app");
        assertThat(home.body()).contains("Signed in as " + loginName).doesNotContain("href=\"/app/caseload\"")
                .doesNotContain("href=\"/app/audit\"").doesNotContain("href=\"/app/operations\"");
    }

    @Test
    void inTheLocalProfileAnAuditorOrAnOperatorMaySignUpToo() throws Exception {
        String loginName = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> home = browser.signUpAndIn(loginName, PASSWORD, Role.AUDITOR.claim());
        assertThat(home.body()).contains("href=\"/app/audit\"").doesNotContain("href=\"/app/caseload\"");

        HttpResponse<String> page = browser.get("/auth/signup");
        assertThat(page.body()).contains("value=\"" + Role.OPERATOR.claim() + "\"")
                .contains("local development provider");
    }

    @Test
    void aRoleThatIsNotOursIsRefusedAndNoAccountIsMade() throws Exception {
        long accounts = jdbc.queryForObject("SELECT count(*) FROM local_account", Long.class);
        HttpResponse<String> page = browser.get("/auth/signup");
        HttpResponse<String> refused = browser.post("/auth/signup", Map.of("username", "admin-" + UUID.randomUUID()
                        .toString().substring(0, 8), "password", PASSWORD, "passwordAgain", PASSWORD, "role", "admin",
                "method", "password", "_csrf", Browser.csrf(page)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose one of the roles listed.")
                .contains("aria-describedby=\"role-hint signup-problem\"")
                .contains("aria-describedby=\"username-hint\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM local_account", Long.class)).isEqualTo(accounts);
    }
}
