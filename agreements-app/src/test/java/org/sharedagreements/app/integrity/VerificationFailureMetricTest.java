package org.sharedagreements.app.integrity;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A chain that fails verification is counted in agreements_verification_failures_total, so operators can alert on it. */
class VerificationFailureMetricTest extends ApiTest {

    private static final Pattern FAILURES = Pattern.compile("agreements_verification_failures_total(?:\\{[^}]*})? ([0-9.]+)");

    @Test
    void aFailedVerificationIsCounted() {
        Couple couple = Couple.formed(api, "vm-ana", "vm-ben");
        double before = failures();
        try (Tampering tampering = Tampering.of(jdbc, couple.agreementId)) {
            tampering.run("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                    + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = 1");
            assertThat(couple.first.get(couple.path("/verification")).body().path("valid").asBoolean()).isFalse();
        }
        assertThat(failures()).isEqualTo(before + 1);
        assertThat(couple.first.get(couple.path("/verification")).body().path("valid").asBoolean()).isTrue();
        assertThat(failures()).isEqualTo(before + 1);
    }

    private double failures() {
        String scrape = api.as("vm-operator", "operator").get("/actuator/prometheus").text();
        Matcher matcher = FAILURES.matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
