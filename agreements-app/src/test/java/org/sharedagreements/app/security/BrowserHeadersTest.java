package org.sharedagreements.app.security;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, the API's, the timeline page's and the problem answers alike, tells browsers to run only our own
 * scripts and styles, never to frame us, to send no referrer, to use no device and not to sniff types; HSTS only
 * on requests that came over HTTPS, which behind a TLS-terminating proxy the proxy says in X-Forwarded-Proto.
 */
class BrowserHeadersTest extends ApiTest {

    @Autowired
    private ServletWebServerApplicationContext context;

    @Test
    void apiAnswersThePageAndProblemAnswersCarryTheBrowserHeaders() {
        Api.Caller ada = api.as("headers-ada");
        Map<String, Api.Response> answers = Map.of(
                "an API answer", ada.get("/api/agreements"),
                "a web page", api.anonymous().get("/auth/login"),
                "its stylesheet", api.anonymous().get("/web/app.css"),
                "the web app's door", api.anonymous().get("/"),
                "401", api.anonymous().get("/api/agreements"),
                "404 of an agreement", ada.get("/api/agreements/" + UUID.randomUUID()),
                "404 of a path", ada.get("/no-such-page"));

        assertThat(answers.get("an API answer").status()).isEqualTo(200);
        assertThat(answers.get("a web page").status()).isEqualTo(200);
        assertThat(answers.get("a web page").header("Content-Type")).startsWith("text/html");
        assertThat(answers.get("its stylesheet").status()).isEqualTo(200);
        assertThat(answers.get("the web app's door").status()).isEqualTo(302);
        assertThat(answers.get("401").status()).isEqualTo(401);
        assertThat(answers.get("404 of an agreement").status()).isEqualTo(404);
        assertThat(answers.get("404 of a path").status()).isEqualTo(404);
        answers.forEach((what, answer) -> {
            assertThat(answer.header("Content-Security-Policy")).as(what)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(answer.header("Permissions-Policy")).as(what)
                    .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
            assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(answer.header("Strict-Transport-Security")).as(what + " over plain HTTP").isNull();
        });
    }

    @Test
    void httpsFromATrustedProxyGetsHstsAndPlainHttpDoesNot() {
        Api.Response overHttps = api.as("headers-bo").header("X-Forwarded-Proto", "https").get("/api/agreements");
        Api.Response pageOverHttps = api.anonymous().header("X-Forwarded-Proto", "https").get("/auth/login");
        Api.Response overHttp = api.as("headers-bo").get("/api/agreements");

        assertThat(overHttps.status()).isEqualTo(200);
        assertThat(overHttps.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(pageOverHttps.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(overHttp.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void forwardedHeadersCountOnlyFromTomcatsDefaultInternalProxies() {
        Valve[] valves = ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();

        RemoteIpValve remoteIp = Arrays.stream(valves).filter(RemoteIpValve.class::isInstance)
                .map(RemoteIpValve.class::cast).findFirst().orElseThrow();

        assertThat(remoteIp.getInternalProxies()).isEqualTo(new RemoteIpValve().getInternalProxies());
        assertThat(remoteIp.getTrustedProxies()).isNull();
        assertThat(remoteIp.getProtocolHeader()).isEqualToIgnoringCase("X-Forwarded-Proto");
    }
}
