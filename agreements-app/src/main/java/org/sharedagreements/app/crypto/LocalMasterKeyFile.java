package org.sharedagreements.app.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The local profile's master key: generated once into a file only its owner may read, kept across restarts. */
final class LocalMasterKeyFile {

    private LocalMasterKeyFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] key = new byte[MasterKey.BYTES];
            new SecureRandom().nextBytes(key);
            String base64 = Base64.getEncoder().encodeToString(key);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "master-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, base64, StandardCharsets.UTF_8);
            Files.move(temporary, file);
            return base64;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local master key " + file, e);
        }
    }
}
