package org.sharedagreements.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A secret of the local profile (its master key, its token signing secret): generated once from random bytes into a
 * file only its owner may read, and read from there after, so it stays the same across restarts of a developer's
 * service. Written to a temporary file first and moved into place, so a crash never leaves half a secret.
 */
public final class LocalSecretFile {

    private LocalSecretFile() {
    }

    /**
     * The secret in {@code file}, or a new one of {@code randomBytes} random bytes written as {@code encoding}
     * makes them text; {@code what} names it in the error.
     */
    public static String readOrCreate(Path file, int randomBytes, Function<byte[], String> encoding, String what) {
        return readOrCreate(file, () -> {
            byte[] random = new byte[randomBytes];
            new SecureRandom().nextBytes(random);
            return encoding.apply(random);
        }, what);
    }

    /** The secret in {@code file}, or a new one that {@code generator} makes (a key set, say); {@code what} names it. */
    public static String readOrCreate(Path file, Supplier<String> generator, String what) {
        Objects.requireNonNull(file, () -> "a file for the " + what);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String secret = generator.get();
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, secret, StandardCharsets.UTF_8);
            Files.move(temporary, file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + what + " " + file, e);
        }
    }
}
