package org.sharedagreements.sealing;

/**
 * Fresh keys for the local profile's first start (the app writes them to files under {@code ./data}): a master
 * keyset with one version, a blind-index key and a checkpoint signing key, each in the form its loader reads
 * ({@link MasterKeyring#fromKeysetJson}, {@link BlindIndex#fromBase64Key}, {@link CheckpointSigner#fromBase64}).
 * Production keys are made by an operator (the master keyset encrypted under a KMS key), not by this class.
 */
public record LocalKeyMaterial(String masterKeysetJson, String blindIndexKeyBase64, String checkpointSigningKeyBase64) {

    public static LocalKeyMaterial generate() {
        return new LocalKeyMaterial(MasterKeyring.generate().toKeysetJson(), BlindIndex.generateKeyBase64(),
                CheckpointSigner.generateSeedBase64());
    }

    @Override
    public String toString() {
        return "LocalKeyMaterial[master keyset ****, blind-index key ****, checkpoint signing key ****]";
    }
}
