package org.sharedagreements.app.config;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.commandbus.CommandSettings;
import org.sharedagreements.app.crypto.CryptoSettings;
import org.sharedagreements.app.security.SecuritySettings;
import org.sharedagreements.app.storage.EmbeddedPostgresSettings;
import org.sharedagreements.app.storage.SnapshotSettings;
import org.sharedagreements.app.web.RequestLimits;
import org.sharedagreements.command.idempotency.IdempotencySettings;
import org.sharedagreements.query.access.GateSettings;
import org.sharedagreements.query.admin.AdminSettings;
import org.sharedagreements.query.projection.ProjectionSettings;
import org.sharedagreements.query.stream.StreamSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings records bind the property names of docs/configuration.md, carry their defaults themselves, and refuse
 * a start with a value out of range, naming the setting.
 */
class SettingsRecordsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CommandSettings.class, CryptoSettings.class, SecuritySettings.class,
            EmbeddedPostgresSettings.class, SnapshotSettings.class, RequestLimits.class, IdempotencySettings.class,
            GateSettings.class, AdminSettings.class, ProjectionSettings.class, StreamSettings.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(AllSettings.class)
            .withPropertyValues("agreements.embedded.data-dir=./data/postgres");

    @Test
    void withNothingSetEverySettingHasItsDocumentedDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CommandSettings.class).cachedAgreements()).isEqualTo(2000);
            assertThat(context.getBean(SnapshotSettings.class).snapshotEvery()).isEqualTo(100);
            assertThat(context.getBean(EmbeddedPostgresSettings.class).port()).isZero();
            assertThat(context.getBean(RequestLimits.class).maxBodyBytes()).isEqualTo(65536);
            assertThat(context.getBean(IdempotencySettings.class).cleanupInterval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(GateSettings.class))
                    .isEqualTo(new GateSettings(Duration.ofSeconds(5), 8, 2048, 4));
            assertThat(context.getBean(AdminSettings.class).replayClaimTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(context.getBean(ProjectionSettings.class))
                    .isEqualTo(new ProjectionSettings(8, 500, Duration.ofMillis(500), Duration.ofMinutes(10)));
            assertThat(context.getBean(StreamSettings.class))
                    .isEqualTo(new StreamSettings(Duration.ofMinutes(30), Duration.ofSeconds(15), 2, 4));
            assertThat(context.getBean(SecuritySettings.class).jwt().hmacSecret()).isNull();
            assertThat(context.getBean(CryptoSettings.class).masterKey()).isNull();
        });
    }

    @Test
    void theNamesOfTheSettingsBind() {
        runner.withPropertyValues("agreements.command.cached-agreements=7", "agreements.snapshot-every=9",
                "agreements.query.segments=2", "agreements.query.dead-letter-retry-interval=PT1M",
                "agreements.query.min-version-timeout=1s", "agreements.admin.replay-claim-timeout=3s",
                "agreements.idempotency.cleanup-interval=PT2M", "agreements.security.jwt.hmac-secret=s",
                "agreements.security.local-secret-file=data/x", "agreements.crypto.local-master-key-file=data/y",
                "agreements.stream.max-per-caller=1").run(context -> {
                    assertThat(context.getBean(CommandSettings.class).cachedAgreements()).isEqualTo(7);
                    assertThat(context.getBean(SnapshotSettings.class).snapshotEvery()).isEqualTo(9);
                    assertThat(context.getBean(ProjectionSettings.class).segments()).isEqualTo(2);
                    assertThat(context.getBean(ProjectionSettings.class).deadLetterRetryInterval())
                            .isEqualTo(Duration.ofMinutes(1));
                    assertThat(context.getBean(GateSettings.class).minVersionTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(context.getBean(AdminSettings.class).replayClaimTimeout())
                            .isEqualTo(Duration.ofSeconds(3));
                    assertThat(context.getBean(IdempotencySettings.class).cleanupInterval())
                            .isEqualTo(Duration.ofMinutes(2));
                    assertThat(context.getBean(SecuritySettings.class).jwt().hmacSecret()).isEqualTo("s");
                    assertThat(context.getBean(SecuritySettings.class).localSecretFile()).isEqualTo(Path.of("data", "x"));
                    assertThat(context.getBean(CryptoSettings.class).localMasterKeyFile()).isEqualTo(Path.of("data", "y"));
                    assertThat(context.getBean(StreamSettings.class).maxPerCaller()).isEqualTo(1);
                });
    }

    @Test
    void aValueOutOfRangeRefusesTheStartAndNamesTheSetting() {
        for (String wrong : new String[]{"agreements.query.min-version-timeout=0s", "agreements.query.max-waits=4",
                "agreements.query.wait-threads=65", "agreements.stream.heartbeat=0s", "agreements.query.segments=0",
                "agreements.request.max-body-bytes=0", "agreements.command.cached-agreements=0",
                "agreements.snapshot-every=0", "agreements.embedded.port=70000",
                "agreements.idempotency.cleanup-interval=0s", "agreements.admin.replay-claim-timeout=-1s"}) {
            String name = wrong.substring(0, wrong.indexOf('='));
            runner.withPropertyValues(wrong, "agreements.query.max-waits-per-caller=8").run(context -> {
                assertThat(context).as(wrong).hasFailed();
                assertThat(context.getStartupFailure()).as(wrong).rootCause()
                        .isInstanceOf(BindValidationException.class);
                assertThat(context.getStartupFailure()).as(wrong).hasStackTraceContaining(prefixOf(name));
            });
        }
    }

    private static String prefixOf(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }
}
