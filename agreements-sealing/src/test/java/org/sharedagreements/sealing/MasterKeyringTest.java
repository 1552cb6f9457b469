package org.sharedagreements.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.aead.AeadConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharedagreements.sealing.SealingAssertions.assertRefused;

class MasterKeyringTest {

    /** The test's own keys (a stand-in KMS, foreign keysets) are made before MasterKeyring registers Tink's AEADs. */
    @BeforeAll
    static void registerTinkAeads() throws Exception {
        AeadConfig.register();
    }

    private final UUID agreement = UUID.randomUUID();
    private final DataKey dataKey = DataKey.generate();

    @Test
    void aWrappedKeyOpensForItsAgreementAndNamesTheVersionThatWrappedIt() {
        MasterKeyring keyring = MasterKeyring.generate();

        byte[] wrapped = keyring.wrap(dataKey, agreement);

        assertThat(MasterKeyring.versionOf(wrapped)).isEqualTo(keyring.primaryVersion());
        assertThat(ByteBuffer.wrap(wrapped, 1, 4).getInt()).isEqualTo(keyring.primaryVersion());
        assertThat(keyring.unwrap(wrapped, agreement).sameKeyAs(dataKey)).isTrue();
    }

    @Test
    void aWrappedKeyMovedToAnotherAgreementDoesNotOpen() {
        MasterKeyring keyring = MasterKeyring.generate();
        byte[] wrapped = keyring.wrap(dataKey, agreement);

        assertRefused(() -> keyring.unwrap(wrapped, UUID.randomUUID()), SealingException.Reason.NOT_AUTHENTIC);
    }

    @Test
    void aChangedByteOfAWrappedKeyDoesNotOpen() {
        MasterKeyring keyring = MasterKeyring.generate();
        byte[] wrapped = keyring.wrap(dataKey, agreement);
        wrapped[wrapped.length - 1] ^= 1;

        assertRefused(() -> keyring.unwrap(wrapped, agreement), SealingException.Reason.NOT_AUTHENTIC);
    }

    @Test
    void anotherKeyringDoesNotOpenAWrappedKey() {
        byte[] wrapped = MasterKeyring.generate().wrap(dataKey, agreement);

        assertRefused(() -> MasterKeyring.generate().unwrap(wrapped, agreement),
                SealingException.Reason.UNKNOWN_KEY_VERSION);
    }

    @Test
    void rotationMakesANewPrimaryAndKeepsOldVersionsForUnwrapping() {
        MasterKeyring before = MasterKeyring.generate();
        byte[] wrappedBefore = before.wrap(dataKey, agreement);

        MasterKeyring after = before.rotate();

        assertThat(after.primaryVersion()).isNotEqualTo(before.primaryVersion());
        assertThat(after.versions()).containsExactly(before.primaryVersion(), after.primaryVersion());
        assertThat(MasterKeyring.versionOf(after.wrap(dataKey, agreement))).isEqualTo(after.primaryVersion());
        assertThat(after.unwrap(wrappedBefore, agreement).sameKeyAs(dataKey)).isTrue();
        assertThat(after.isUnderPrimary(wrappedBefore)).isFalse();
    }

    @Test
    void rewrapMovesAWrappedKeyToThePrimaryVersion() {
        MasterKeyring before = MasterKeyring.generate();
        MasterKeyring after = before.rotate();

        byte[] rewrapped = after.rewrap(before.wrap(dataKey, agreement), agreement);

        assertThat(MasterKeyring.versionOf(rewrapped)).isEqualTo(after.primaryVersion());
        assertThat(after.isUnderPrimary(rewrapped)).isTrue();
        assertThat(after.unwrap(rewrapped, agreement).sameKeyAs(dataKey)).isTrue();
    }

    @Test
    void aBackupFromBeforeRotationNoLongerOpensOnceTheOldVersionIsDestroyedButARewrappedKeyDoes() {
        MasterKeyring before = MasterKeyring.generate();
        byte[] backupCopy = before.wrap(dataKey, agreement);
        MasterKeyring rotated = before.rotate();
        byte[] liveCopy = rotated.rewrap(backupCopy, agreement);

        MasterKeyring destroyed = rotated.withoutVersion(before.primaryVersion());

        assertThat(destroyed.versions()).containsExactly(rotated.primaryVersion());
        assertThat(destroyed.unwrap(liveCopy, agreement).sameKeyAs(dataKey)).isTrue();
        assertRefused(() -> destroyed.unwrap(backupCopy, agreement), SealingException.Reason.UNKNOWN_KEY_VERSION);
        // and the operator's new keyset text no longer holds the old key either
        MasterKeyring reloaded = MasterKeyring.fromKeysetJson(destroyed.toKeysetJson());
        assertThatThrownBy(() -> reloaded.unwrap(backupCopy, agreement)).isInstanceOf(SealingException.class);
        assertThat(reloaded.unwrap(liveCopy, agreement).sameKeyAs(dataKey)).isTrue();
    }

    @Test
    void thePrimaryVersionCannotBeDestroyed() {
        MasterKeyring keyring = MasterKeyring.generate();

        assertThatThrownBy(() -> keyring.withoutVersion(keyring.primaryVersion()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotate");
        assertThatThrownBy(() -> keyring.withoutVersion(keyring.primaryVersion() + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not held");
    }

    @Test
    void theKeysetSurvivesItsTextWithEveryVersion() {
        MasterKeyring keyring = MasterKeyring.generate();
        byte[] old = keyring.wrap(dataKey, agreement);
        MasterKeyring rotated = keyring.rotate();

        MasterKeyring reloaded = MasterKeyring.fromKeysetJson(rotated.toKeysetJson());

        assertThat(reloaded.versions()).isEqualTo(rotated.versions());
        assertThat(reloaded.primaryVersion()).isEqualTo(rotated.primaryVersion());
        assertThat(reloaded.unwrap(old, agreement).sameKeyAs(dataKey)).isTrue();
    }

    @Test
    void anEncryptedKeysetOpensOnlyWithItsKeyEncryptionKeyAndAssociatedData() throws Exception {
        Aead kms = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] context = "agreements master keyset".getBytes(StandardCharsets.UTF_8);
        MasterKeyring keyring = MasterKeyring.generate();
        byte[] wrapped = keyring.wrap(dataKey, agreement);

        String encrypted = keyring.toEncryptedKeysetJson(kms, context);
        MasterKeyring reloaded = MasterKeyring.fromEncryptedKeysetJson(encrypted, kms, context);

        assertThat(reloaded.unwrap(wrapped, agreement).sameKeyAs(dataKey)).isTrue();
        assertThat(encrypted).doesNotContain(keyring.toKeysetJson().substring(0, 40));
        assertThatThrownBy(() -> MasterKeyring.fromEncryptedKeysetJson(encrypted, kms, new byte[0]))
                .isInstanceOf(KeyConfigurationException.class);
        Aead otherKms = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThatThrownBy(() -> MasterKeyring.fromEncryptedKeysetJson(encrypted, otherKms, context))
                .isInstanceOf(KeyConfigurationException.class);
    }

    @Test
    void aKeysetOfAnotherKindIsRefusedWithoutEchoingIt() throws Exception {
        String aes128 = com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM),
                com.google.crypto.tink.InsecureSecretKeyAccess.get());
        String noPrefix = com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.generateNew(com.google.crypto.tink.aead.AesGcmParameters.builder().setKeySizeBytes(32)
                        .setIvSizeBytes(12).setTagSizeBytes(16)
                        .setVariant(com.google.crypto.tink.aead.AesGcmParameters.Variant.NO_PREFIX).build()),
                com.google.crypto.tink.InsecureSecretKeyAccess.get());

        assertThatThrownBy(() -> MasterKeyring.fromKeysetJson(aes128))
                .isInstanceOf(KeyConfigurationException.class).hasMessageContaining("AES-256-GCM");
        assertThatThrownBy(() -> MasterKeyring.fromKeysetJson(noPrefix))
                .isInstanceOf(KeyConfigurationException.class).hasMessageContaining("prefix");
        String garbage = "{\"primaryKeyId\": 1, \"key\": [\"c2VjcmV0LXRleHQ\"]}";
        assertThatThrownBy(() -> MasterKeyring.fromKeysetJson(garbage))
                .isInstanceOf(KeyConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("c2VjcmV0LXRleHQ"));
        assertThatThrownBy(() -> MasterKeyring.fromKeysetJson(" ")).isInstanceOf(KeyConfigurationException.class);
    }

    @Test
    void toStringShowsVersionsButNoKey() {
        MasterKeyring keyring = MasterKeyring.generate().rotate();
        String json = keyring.toKeysetJson();
        String keyValue = json.replaceAll("(?s).*\"value\":\\s*\"([^\"]+)\".*", "$1");

        assertThat(keyring.toString()).contains(String.valueOf(keyring.primaryVersion())).contains("****")
                .doesNotContain(keyValue);
    }
}
