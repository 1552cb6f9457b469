package org.sharedagreements.app.observability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With everything of ours, Axon's and Spring's web layer at TRACE, no log line carries agreement content. */
@ExtendWith(OutputCaptureExtension.class)
class LogContentTest extends ApiTest {

    private static final List<String> LOGGERS = List.of("org.sharedagreements", "org.axonframework",
            "org.springframework.web", "org.springframework.security", "com.github.kagkarlsson");

    @Test
    void noLogLineCarriesContentAtAnyLevel(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        String marker = "logsecret" + Long.toHexString(System.nanoTime());
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
        try {
            Couple couple = Couple.formed(api, "log-ann", "log-ben");
            Api.Response proposed = couple.first.post(couple.path("/boundaries"), Map.of("category", "FLIRTATION",
                    "statement", "statement " + marker, "measure", "measure " + marker));
            String boundary = proposed.field("boundaryId");
            couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"), Map.of("boundaryVersion", 1));
            couple.second.post(couple.path("/red-flags"), Map.of("indicator", "STRESS", "note", "note " + marker));
            couple.first.post(couple.path("/boundaries"), Map.of("category", "NOPE", "statement", "refused " + marker));
            couple.first.get(couple.path("/timeline?minVersion=7"));
        } finally {
            LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
        }
        assertThat(output.getAll()).as("TRACE logging was on").contains("org.axonframework")
                .doesNotContain(marker);
    }
}
