package org.sharedagreements.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local profile's signing secret: generated once and kept in a file readable only by its owner, so tokens
 * from {@code /dev/tokens} stay valid across restarts of a developer's service.
 */
final class LocalSecretFile {

    private LocalSecretFile() {
    }

    static HmacSecret readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new HmacSecret(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "jwt-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, secret, StandardCharsets.UTF_8);
            Files.move(temporary, file);
            return new HmacSecret(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local JWT secret " + file, e);
        }
    }
}
