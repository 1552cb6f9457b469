package org.sharedagreements.app.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The local profile's embedded PostgreSQL ({@code agreements.embedded.*}), checked when that profile starts.
 *
 * @param dataDir where its data lives, kept across restarts; the local profile sets {@code ./data/postgres} (beside
 *                the profile's other generated files), and no other profile starts an embedded database
 * @param port the port it listens on; 0 (the default) takes a free one, so a second checkout or a test run never
 *             collides with a running service
 */
@Validated
@ConfigurationProperties("agreements.embedded")
public record EmbeddedPostgresSettings(@NotNull Path dataDir,
                                       @Min(0) @Max(65_535) @DefaultValue("0") int port) {
}
