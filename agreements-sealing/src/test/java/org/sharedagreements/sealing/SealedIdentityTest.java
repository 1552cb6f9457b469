package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedIdentityTest {

    private final UUID agreement = UUID.randomUUID();
    private final DataKey key = DataKey.generate();
    private final FieldSeal seal = new FieldSeal(key);
    private final SealContext actor = SealContext.event(agreement, "actor");

    @Test
    void aUserIdIsStoredAsItsPseudonymAndItsSealAndOpensInItsPlace() {
        String stored = SealedIdentity.seal(seal, "bob@example.org", actor);

        assertThat(stored).startsWith("p1:").doesNotContain("bob");
        assertThat(SealedIdentity.isSealed(stored)).isTrue();
        assertThat(SealedIdentity.pseudonymOf(stored)).hasSize(22).isEqualTo(seal.pseudonym("bob@example.org"));
        assertThat(SealedIdentity.open(seal, stored, actor)).isEqualTo("bob@example.org");
        assertThatThrownBy(() -> SealedIdentity.open(seal, stored, SealContext.event(agreement, "partnerId")))
                .as("moved to another field").isInstanceOf(SealingException.class);
    }

    @Test
    void theSamePersonKeepsOnePseudonymInAnAgreementButTheStoredValueNeverRepeats() {
        String first = SealedIdentity.seal(seal, "bob", actor);
        String second = SealedIdentity.seal(seal, "bob", SealContext.event(agreement, "partnerId"));

        assertThat(SealedIdentity.pseudonymOf(first)).isEqualTo(SealedIdentity.pseudonymOf(second));
        assertThat(first).isNotEqualTo(SealedIdentity.seal(seal, "bob", actor));
        assertThat(SealedIdentity.pseudonymOf(first)).isNotEqualTo(seal.pseudonym("alice"));
    }

    @Test
    void anotherAgreementsKeyGivesTheSamePersonAnUnrelatedPseudonym() {
        assertThat(new FieldSeal(DataKey.generate()).pseudonym("bob")).isNotEqualTo(seal.pseudonym("bob"));
    }

    @Test
    void thePseudonymIsTheDocumentedHmacUnderTheDataKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
        byte[] pseudonymKey = mac.doFinal("sa-pseudonym/v1".getBytes(StandardCharsets.UTF_8));
        mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
        byte[] expected = Arrays.copyOf(mac.doFinal("bob".getBytes(StandardCharsets.UTF_8)), 16);

        assertThat(seal.pseudonym("bob")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void otherValuesAreNotSealedUserIds() {
        assertThat(SealedIdentity.isSealed("bob")).isFalse();
        assertThat(SealedIdentity.isSealed("s1:abc")).isFalse();
        assertThat(SealedIdentity.pseudonymOf("p1")).isNull();
        assertThatThrownBy(() -> SealedIdentity.open(seal, "bob", actor)).isInstanceOf(SealingException.class);
    }
}
