package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LocalKeyMaterialTest {

    @Test
    void generatedKeysLoadWithTheirLoadersAndWork() {
        LocalKeyMaterial keys = LocalKeyMaterial.generate();
        UUID agreement = UUID.randomUUID();
        DataKey dataKey = DataKey.generate();

        MasterKeyring keyring = MasterKeyring.fromKeysetJson(keys.masterKeysetJson());
        BlindIndex index = BlindIndex.fromBase64Key(keys.blindIndexKeyBase64());
        CheckpointSigner signer = CheckpointSigner.fromBase64(keys.checkpointSigningKeyBase64());

        assertThat(keyring.unwrap(keyring.wrap(dataKey, agreement), agreement).sameKeyAs(dataKey)).isTrue();
        assertThat(keyring.versions()).hasSize(1);
        assertThat(index.index(BlindIndex.Purpose.MEMBER, "u")).hasSize(43);
        assertThat(signer.verifier().verifies(signer.sign(agreement, 0, "0".repeat(64), Instant.now()))).isTrue();
    }

    @Test
    void everyGenerationIsFresh() {
        LocalKeyMaterial a = LocalKeyMaterial.generate();
        LocalKeyMaterial b = LocalKeyMaterial.generate();

        assertThat(a.blindIndexKeyBase64()).isNotEqualTo(b.blindIndexKeyBase64());
        assertThat(a.checkpointSigningKeyBase64()).isNotEqualTo(b.checkpointSigningKeyBase64());
        assertThat(a.masterKeysetJson()).isNotEqualTo(b.masterKeysetJson());
    }

    @Test
    void toStringShowsNoKey() {
        LocalKeyMaterial keys = LocalKeyMaterial.generate();

        assertThat(keys.toString()).doesNotContain(keys.blindIndexKeyBase64())
                .doesNotContain(keys.checkpointSigningKeyBase64()).doesNotContain("primaryKeyId");
    }
}
