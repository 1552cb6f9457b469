package org.sharedagreements.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For an HTTP test that needs a Spring context of its own (other beans or settings than {@link ApiTest}'s shared
 * one): an embedded PostgreSQL, secrets and keys in a fresh temporary directory of its own, since two cached
 * contexts cannot share one data directory. Tokens are minted with {@link ApiTest#SECRET}.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, Path directory) {
        registry.add("agreements.embedded.data-dir", () -> directory.resolve("postgres").toString());
        registry.add("agreements.security.local-secret-file", () -> directory.resolve("jwt-secret").toString());
        registry.add("agreements.security.jwt.hmac-secret", () -> ApiTest.SECRET);
        registry.add("agreements.crypto.local-master-key-file", () -> directory.resolve("master-key").toString());
        registry.add("agreements.crypto.local-blind-index-key-file", () -> directory.resolve("blind-index-key").toString());
        registry.add("agreements.crypto.local-checkpoint-signing-key-file",
                () -> directory.resolve("checkpoint-signing-key").toString());
    }

    public static Path directory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
