package org.sharedagreements.sealing;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharedagreements.sealing.SealingAssertions.assertRefused;

class FieldSealTest {

    private final UUID agreement = UUID.randomUUID();
    private final FieldSeal seal = new FieldSeal(DataKey.generate());
    private final SealContext terms = SealContext.event(agreement, "terms.text");

    @Test
    void aSealedValueOpensInItsPlace() {
        String sealed = seal.seal("no phones at dinner ✓", terms);

        assertThat(sealed).startsWith("s1:").doesNotContain("phones");
        assertThat(FieldSeal.isSealed(sealed)).isTrue();
        assertThat(seal.open(sealed, terms)).isEqualTo("no phones at dinner ✓");
    }

    @Test
    void theFormatIsPrefixAndBase64urlOfNonceCiphertextAndTag() {
        String sealed = seal.seal("yes", terms);

        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        assertThat(sealed.substring(3)).doesNotContain("=", "+", "/");
        assertThat(bytes).hasSize(12 + 3 + 16);
    }

    @Test
    void identicalPlaintextsSealToDifferentCiphertexts() {
        assertThat(seal.seal("yes", terms)).isNotEqualTo(seal.seal("yes", terms));
    }

    @Test
    void aCiphertextMovedToAnotherAgreementDoesNotOpen() {
        String sealed = seal.seal("yes", terms);

        assertNotAuthentic(() -> seal.open(sealed, SealContext.event(UUID.randomUUID(), "terms.text")));
    }

    @Test
    void aCiphertextMovedToAnotherTableDoesNotOpen() {
        String sealed = seal.seal("yes", SealContext.column(agreement, "timeline", "text"));

        assertNotAuthentic(() -> seal.open(sealed, SealContext.column(agreement, "boundaries", "text")));
        assertNotAuthentic(() -> seal.open(sealed, SealContext.event(agreement, "text")));
    }

    @Test
    void aCiphertextMovedToAnotherFieldDoesNotOpen() {
        String sealed = seal.seal("yes", terms);

        assertNotAuthentic(() -> seal.open(sealed, SealContext.event(agreement, "terms.category")));
    }

    @Test
    void anotherAgreementsKeyDoesNotOpen() {
        String sealed = seal.seal("yes", terms);

        assertNotAuthentic(() -> new FieldSeal(DataKey.generate()).open(sealed, terms));
    }

    @Test
    void aChangedCharacterDoesNotOpen() {
        String sealed = seal.seal("yes", terms);
        char last = sealed.charAt(sealed.length() - 5);
        String changed = sealed.substring(0, sealed.length() - 5) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 4);

        assertNotAuthentic(() -> seal.open(changed, terms));
    }

    @Test
    void whatIsNotASealedValueIsRefusedAsMalformed() {
        assertMalformed(() -> seal.open("plain words", terms));
        assertMalformed(() -> seal.open("s1:***", terms));
        assertMalformed(() -> seal.open("s1:AAAA", terms));
        assertThat(FieldSeal.isSealed("enc:v1:abc")).isFalse();
    }

    @Test
    void bytesSealTheSameWay() {
        byte[] plaintext = "yes".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal.sealBytes(plaintext, terms);

        assertThat(seal.openBytes(sealed, terms)).isEqualTo(plaintext);
        assertThat(seal.open("s1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed), terms))
                .isEqualTo("yes");
    }

    @Test
    void aDataKeyThroughTheMasterKeyringStillSeals() {
        MasterKeyring keyring = MasterKeyring.generate();
        DataKey key = DataKey.generate();
        String sealed = new FieldSeal(key).seal("yes", terms);

        DataKey unwrapped = keyring.unwrap(keyring.wrap(key, agreement), agreement);

        assertThat(new FieldSeal(unwrapped).open(sealed, terms)).isEqualTo("yes");
    }

    @Test
    void contextsWithSeparatorsOrOddNamesAreRefused() {
        assertThatThrownBy(() -> SealContext.column(agreement, "time|line", "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealContext.event(agreement, "text|x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealContext.event(agreement, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SealContext.event(agreement, "redFlags.note").associatedData())
                .isEqualTo(("sa-seal/v1|" + agreement + "|event|redFlags.note").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDataKeyOfTheWrongLengthIsRefusedAndNoKeyShowsInToString() {
        assertThatThrownBy(() -> DataKey.fromBytes(new byte[16])).isInstanceOf(KeyConfigurationException.class);
        assertThat(DataKey.generate().toString()).isEqualTo("DataKey[****]");
        assertThat(seal.toString()).isEqualTo("FieldSeal[****]");
    }

    private static void assertNotAuthentic(ThrowingCallable call) {
        assertRefused(call, SealingException.Reason.NOT_AUTHENTIC);
    }

    private static void assertMalformed(ThrowingCallable call) {
        assertRefused(call, SealingException.Reason.MALFORMED);
    }
}
