package org.sharedagreements.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The versioned master key that wraps every agreement's {@link DataKey}: a Tink keyset of AES-256-GCM keys, each
 * with Tink's output prefix, so every wrapped key starts with the 5 bytes {@code 0x01 | version (4 bytes, big
 * endian)} naming the version that wrapped it. The primary version wraps; every version still in the keyset
 * unwraps.
 *
 * <p>Protects against: a stolen database opening anything (the keyring lives in configuration or a KMS, never in
 * the database); a wrapped key copied to another agreement's row (the agreement id is the associated data); and,
 * through {@link #rotate()}, {@link #rewrap} and {@link #withoutVersion}, old backups outliving erasure: once every
 * live wrapped key is rewrapped under a new version and the old version is destroyed, a backup's copy of an erased
 * agreement's wrapped data key no longer opens.
 *
 * <p>Configuration: the Tink JSON keyset ({@link #fromKeysetJson}) for the local profile; in production the
 * keyset is stored encrypted by a key in a KMS, and the app passes the {@link Aead} a Tink {@code KmsClient}
 * gives it ({@code KmsClient.getAead(keyUri)}) to {@link #fromEncryptedKeysetJson}, so the cleartext keyset exists
 * only in memory. Instances are immutable: {@link #rotate()} and {@link #withoutVersion} answer new keyrings,
 * which the operator {@linkplain #toKeysetJson() serializes} back into configuration.
 */
public final class MasterKeyring {

    private static final byte TINK_PREFIX_MARKER = 0x01;
    private static final int PREFIX_BYTES = 5;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError("Tink's AEAD key types do not register");
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;

    private MasterKeyring(KeysetHandle keyset) {
        this.keyset = validated(keyset);
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException("the master keyset gives no AEAD");
        }
    }

    /** A new keyring with one fresh version (the local profile's first start, and tests). */
    public static MasterKeyring generate() {
        try {
            return new MasterKeyring(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM keys cannot be generated");
        }
    }

    /** The keyring from a cleartext Tink JSON keyset (the app's setting {@code agreements.crypto.master-key}). */
    public static MasterKeyring fromKeysetJson(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new KeyConfigurationException("the master keyset is missing");
        }
        try {
            return new MasterKeyring(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException("the master keyset is not a Tink JSON keyset");
        }
    }

    /**
     * A one-version keyring holding a raw 32-byte AES key as version {@code version} (with Tink's prefix like every
     * other version): how a master key configured before keysets existed (base64 of 32 bytes) joins the keyring,
     * so it can be rotated and later destroyed like any version. The same bytes always give the same keyring.
     */
    public static MasterKeyring fromRawKey(byte[] key, int version) {
        Objects.requireNonNull(key, "a raw master key is needed");
        if (key.length != DataKey.BYTES) {
            throw new KeyConfigurationException("a raw master key is 32 bytes, not " + key.length);
        }
        try {
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.TINK).build();
            AesGcmKey aesGcmKey = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .setIdRequirement(version).build();
            return new MasterKeyring(KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(aesGcmKey).withFixedId(version).makePrimary()).build());
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException("the raw master key does not import as AES-256-GCM");
        }
    }

    /**
     * The keyring from a Tink JSON keyset encrypted by a key-encryption key held elsewhere, typically a KMS key
     * through {@code KmsClient.getAead(keyUri)}; {@code associatedData} must be what it was encrypted with.
     */
    public static MasterKeyring fromEncryptedKeysetJson(String encryptedKeysetJson, Aead keysetEncryption,
                                                        byte[] associatedData) {
        Objects.requireNonNull(keysetEncryption, "an encrypted master keyset needs the AEAD that decrypts it");
        if (encryptedKeysetJson == null || encryptedKeysetJson.isBlank()) {
            throw new KeyConfigurationException("the encrypted master keyset is missing");
        }
        try {
            return new MasterKeyring(TinkJsonProtoKeysetFormat.parseEncryptedKeyset(encryptedKeysetJson,
                    keysetEncryption, associatedData == null ? new byte[0] : associatedData));
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException(
                    "the encrypted master keyset does not decrypt under the given key-encryption key");
        }
    }

    /** The cleartext Tink JSON keyset, for the operator to store back into configuration. It is a secret. */
    public String toKeysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset does not serialize");
        }
    }

    /** The keyset encrypted by a key-encryption key (a KMS key's AEAD), the form to store in production. */
    public String toEncryptedKeysetJson(Aead keysetEncryption, byte[] associatedData) {
        Objects.requireNonNull(keysetEncryption, "encrypting the master keyset needs an AEAD");
        try {
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, keysetEncryption,
                    associatedData == null ? new byte[0] : associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset does not encrypt under the given key");
        }
    }

    /** The version that wraps new data keys. */
    public int primaryVersion() {
        return keyset.getPrimary().getId();
    }

    /** Every version held, in keyset order; each unwraps what it wrapped. */
    public List<Integer> versions() {
        List<Integer> versions = new ArrayList<>(keyset.size());
        for (int i = 0; i < keyset.size(); i++) {
            versions.add(keyset.getAt(i).getId());
        }
        return List.copyOf(versions);
    }

    /** The data key wrapped under the primary version for its agreement: {@code 0x01 | version | nonce | ct | tag}. */
    public byte[] wrap(DataKey dataKey, UUID agreementId) {
        Objects.requireNonNull(dataKey, "nothing to wrap");
        try {
            return aead.encrypt(dataKey.bytes(), associatedData(agreementId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key failed to wrap");
        }
    }

    /**
     * The data key inside a wrapped key, opened with whichever version wrapped it.
     *
     * @throws SealingException {@code UNKNOWN_KEY_VERSION} if that version is not (or no longer) held,
     *                          {@code NOT_AUTHENTIC} if the bytes were changed or belong to another agreement
     */
    public DataKey unwrap(byte[] wrapped, UUID agreementId) {
        int version = versionOf(wrapped);
        if (!versions().contains(version)) {
            throw new SealingException(SealingException.Reason.UNKNOWN_KEY_VERSION,
                    "the data key was wrapped under master key version " + version + ", which is not held");
        }
        byte[] bytes;
        try {
            bytes = aead.decrypt(wrapped, associatedData(agreementId));
        } catch (GeneralSecurityException e) {
            throw new SealingException(SealingException.Reason.NOT_AUTHENTIC,
                    "the wrapped data key does not open for this agreement");
        }
        if (bytes.length != DataKey.BYTES) {
            throw new SealingException(SealingException.Reason.MALFORMED, "the wrapped data key has the wrong length");
        }
        return DataKey.fromBytes(bytes);
    }

    /**
     * The data key inside a wrapped key written before wrapped keys named their version: raw AES-256-GCM
     * {@code nonce (12) | ciphertext | tag (16)} under one version's key material (the version imported by
     * {@link #fromRawKey}) with the caller's associated data. Every held version is tried; once the version that
     * wrapped it is destroyed, it no longer opens. Such rows should be {@linkplain #wrap rewrapped} soon.
     *
     * @throws SealingException {@code NOT_AUTHENTIC} if no held version opens it
     */
    public DataKey unwrapUnversioned(byte[] nonceAndCiphertext, byte[] associatedData) {
        Objects.requireNonNull(nonceAndCiphertext, "no wrapped key");
        if (nonceAndCiphertext.length != 12 + DataKey.BYTES + 16) {
            throw new SealingException(SealingException.Reason.MALFORMED, "the unversioned wrapped key has the wrong length");
        }
        for (int i = 0; i < keyset.size(); i++) {
            AesGcmKey key = (AesGcmKey) keyset.getAt(i).getKey();
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE,
                        new SecretKeySpec(key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "AES"),
                        new GCMParameterSpec(128, nonceAndCiphertext, 0, 12));
                cipher.updateAAD(associatedData);
                return DataKey.fromBytes(cipher.doFinal(nonceAndCiphertext, 12, nonceAndCiphertext.length - 12));
            } catch (AEADBadTagException e) {
                // another version wrapped it
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available");
            }
        }
        throw new SealingException(SealingException.Reason.NOT_AUTHENTIC,
                "no held master key version opens the unversioned wrapped data key");
    }

    /** The master key version named by a wrapped key's prefix (not secret; stored next to it is fine). */
    public static int versionOf(byte[] wrapped) {
        Objects.requireNonNull(wrapped, "no wrapped key");
        if (wrapped.length < PREFIX_BYTES || wrapped[0] != TINK_PREFIX_MARKER) {
            throw new SealingException(SealingException.Reason.MALFORMED,
                    "a wrapped data key starts with 0x01 and its master key version");
        }
        return ByteBuffer.wrap(wrapped, 1, 4).getInt();
    }

    /** Whether a wrapped key is already under the primary version (so {@link #rewrap} has nothing to do). */
    public boolean isUnderPrimary(byte[] wrapped) {
        return versionOf(wrapped) == primaryVersion();
    }

    /** The same data key wrapped under the primary version: the step between {@link #rotate()} and destroying. */
    public byte[] rewrap(byte[] wrapped, UUID agreementId) {
        return wrap(unwrap(wrapped, agreementId), agreementId);
    }

    /** A new keyring with a fresh primary version; every old version stays, for unwrapping, until destroyed. */
    public MasterKeyring rotate() {
        try {
            return new MasterKeyring(KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset does not rotate");
        }
    }

    /**
     * A new keyring without one old version: its key material is gone from the answer, so whatever only that
     * version wrapped (a backup's copy of an erased agreement's key) no longer opens once every copy of the old
     * keyset text is gone too.
     *
     * @throws IllegalArgumentException for the primary version (rotate first) or a version not held
     */
    public MasterKeyring withoutVersion(int version) {
        if (version == primaryVersion()) {
            throw new IllegalArgumentException("version " + version + " is the primary: rotate before destroying it");
        }
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = 0; i < builder.size(); i++) {
            if (keyset.getAt(i).getId() == version) {
                builder.deleteAt(i);
                try {
                    return new MasterKeyring(builder.build());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the master keyset does not rebuild");
                }
            }
        }
        throw new IllegalArgumentException("master key version " + version + " is not held");
    }

    private static byte[] associatedData(UUID agreementId) {
        Objects.requireNonNull(agreementId, "a data key is wrapped for an agreement");
        return ("sa-datakey/v1|" + agreementId).getBytes(StandardCharsets.UTF_8);
    }

    /** Only AES-256-GCM keys with Tink's prefix: a wrapped key must name its version, and no weaker key may wrap. */
    private static KeysetHandle validated(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey().getParameters() instanceof AesGcmParameters parameters)
                    || parameters.getKeySizeBytes() != 32
                    || parameters.getVariant() != AesGcmParameters.Variant.TINK) {
                throw new KeyConfigurationException("master key version " + entry.getId()
                        + " is not AES-256-GCM with Tink's output prefix");
            }
            if (entry.getStatus() != KeyStatus.ENABLED) {
                throw new KeyConfigurationException("master key version " + entry.getId()
                        + " is not enabled: remove it from the keyset instead");
            }
        }
        return keyset;
    }

    @Override
    public String toString() {
        return "MasterKeyring[primary=" + primaryVersion() + ", versions=" + versions() + ", keys ****]";
    }
}
