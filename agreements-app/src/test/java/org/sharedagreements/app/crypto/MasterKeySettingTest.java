package org.sharedagreements.app.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharedagreements.sealing.DataKey;
import org.sharedagreements.sealing.MasterKeyring;
import org.springframework.mock.env.MockEnvironment;

import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two forms of {@code agreements.crypto.master-key}, the local profile's key file, and the offline keys tool. */
class MasterKeySettingTest {

    @TempDir
    Path directory;

    @Test
    void anOldBase64KeyIsAOneVersionKeyringThatWrapsTheSameOnEveryNode() {
        String base64 = Base64.getEncoder().encodeToString(random32());
        MasterKeyring one = MasterKey.fromSetting(base64);
        MasterKeyring other = MasterKey.fromSetting(" " + base64 + "\n");
        assertThat(one.versions()).containsExactly(MasterKey.RAW_KEY_VERSION);
        UUID agreement = UUID.randomUUID();
        DataKey key = DataKey.generate();
        assertThat(other.unwrap(one.wrap(key, agreement), agreement).toSecretKey().getEncoded())
                .isEqualTo(key.toSecretKey().getEncoded());
    }

    @Test
    void aKeysetIsReadAsItIsAndAnythingElseIsRefusedWithoutEchoingIt() {
        MasterKeyring rotated = MasterKeyring.generate().rotate();
        assertThat(MasterKey.fromSetting(rotated.toKeysetJson()).versions()).isEqualTo(rotated.versions());
        for (String wrong : new String[]{"c2VjcmV0LXNob3J0", "not base64 at all!", "{\"primaryKeyId\": 1}", " "}) {
            assertThatThrownBy(() -> MasterKey.fromSetting(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("agreements.crypto.master-key").satisfies(e -> {
                        if (!wrong.isBlank()) {
                            assertThat(e.getMessage()).doesNotContain(wrong);
                        }
                    });
        }
    }

    @Test
    void theLocalProfileCreatesAKeysetFileAndStillReadsAnOldBase64File() throws Exception {
        CryptoConfiguration configuration = new CryptoConfiguration();
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        Path created = directory.resolve("new/master-key");
        MasterKeyring first = configuration.masterKeyring(new CryptoSettings(null, created, null, null, null, null), local);
        assertThat(Files.readString(created)).startsWith("{");
        assertThat(configuration.masterKeyring(new CryptoSettings(null, created, null, null, null, null), local).versions())
                .isEqualTo(first.versions());

        byte[] oldKey = random32();
        Path old = directory.resolve("master-key");
        Files.writeString(old, Base64.getEncoder().encodeToString(oldKey));
        MasterKeyring fromOldFile = configuration.masterKeyring(new CryptoSettings(null, old, null, null, null, null), local);
        UUID agreement = UUID.randomUUID();
        DataKey key = DataKey.generate();
        byte[] legacyRow = Aead.encrypt(new SecretKeySpec(oldKey, "AES"), key.toSecretKey().getEncoded(),
                ("agreement-data-key:" + agreement).getBytes(StandardCharsets.UTF_8));
        assertThat(fromOldFile.unwrapUnversioned(legacyRow,
                ("agreement-data-key:" + agreement).getBytes(StandardCharsets.UTF_8)).toSecretKey().getEncoded())
                .isEqualTo(key.toSecretKey().getEncoded());
    }

    @Test
    void theKeysToolGeneratesRotatesListsAndDestroysVersions() {
        Run generated = keys("", "keys", "generate");
        assertThat(generated.status).isZero();
        Run rotated = keys(generated.out, "keys", "rotate");
        assertThat(rotated.status).isZero();
        MasterKeyring ring = MasterKey.fromSetting(rotated.out);
        assertThat(ring.versions()).hasSize(2);
        int old = ring.versions().stream().filter(v -> v != ring.primaryVersion()).findFirst().orElseThrow();
        Run listed = keys(rotated.out, "keys", "list");
        assertThat(listed.out).contains(Integer.toUnsignedString(ring.primaryVersion()) + " primary")
                .contains(Integer.toUnsignedString(old)).doesNotContain("value");

        Run destroyed = keys(rotated.out, "keys", "destroy", "--version", Integer.toUnsignedString(old));
        assertThat(destroyed.status).isZero();
        assertThat(MasterKey.fromSetting(destroyed.out).versions()).containsExactly(ring.primaryVersion());
        Run primary = keys(rotated.out, "keys", "destroy", "--version", Integer.toUnsignedString(ring.primaryVersion()));
        assertThat(primary.status).isEqualTo(1);
        assertThat(primary.err).contains("rotate before destroying");
        assertThat(keys(rotated.out, "keys", "destroy").status).isEqualTo(2);
        assertThat(keys(rotated.out, "keys", "destroy", "--version", "x").status).isEqualTo(2);
        assertThat(keys("", "keys", "frobnicate").status).isEqualTo(2);

        String base64 = Base64.getEncoder().encodeToString(random32());
        Run imported = keys(base64, "keys", "import");
        assertThat(imported.status).isZero();
        assertThat(MasterKey.fromSetting(imported.out).versions()).containsExactly(MasterKey.RAW_KEY_VERSION);
        Run wrong = keys("wrong-" + base64, "keys", "list");
        assertThat(wrong.status).isEqualTo(1);
        assertThat(wrong.err).doesNotContain(base64);
    }

    private static Run keys(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KeysTool.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private record Run(int status, String out, String err) {
    }
}
