package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlindIndexTest {

    private final String key = BlindIndex.generateKeyBase64();
    private final BlindIndex index = BlindIndex.fromBase64Key(key);

    @Test
    void theSameUserIdIndexesTheSameForTheSamePurpose() {
        assertThat(index.index(BlindIndex.Purpose.MEMBER, "user-42"))
                .isEqualTo(BlindIndex.fromBase64Key(key).index(BlindIndex.Purpose.MEMBER, "user-42"))
                .hasSize(43)
                .matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theSameUserIdIndexesDifferentlyPerPurpose() {
        assertThat(index.index(BlindIndex.Purpose.MEMBER, "user-42"))
                .isNotEqualTo(index.index(BlindIndex.Purpose.COUNSELLOR, "user-42"))
                .isNotEqualTo(index.index(BlindIndex.Purpose.IDEMPOTENCY, "user-42"));
    }

    @Test
    void anotherKeyIndexesDifferently() {
        BlindIndex other = BlindIndex.fromBase64Key(BlindIndex.generateKeyBase64());

        assertThat(other.index(BlindIndex.Purpose.MEMBER, "user-42"))
                .isNotEqualTo(index.index(BlindIndex.Purpose.MEMBER, "user-42"));
    }

    @Test
    void differentUserIdsIndexDifferently() {
        assertThat(index.index(BlindIndex.Purpose.MEMBER, "user-42"))
                .isNotEqualTo(index.index(BlindIndex.Purpose.MEMBER, "user-43"));
    }

    @Test
    void theDocumentedFormatGivesTheSameIndex() throws Exception {
        byte[] raw = Base64.getDecoder().decode(key);
        Mac root = Mac.getInstance("HmacSHA256");
        root.init(new SecretKeySpec(raw, "HmacSHA256"));
        byte[] purposeKey = root.doFinal("sa-blind-index/v1|member".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("user-42".getBytes(StandardCharsets.UTF_8)));

        assertThat(index.index(BlindIndex.Purpose.MEMBER, "user-42")).isEqualTo(expected);
    }

    @Test
    void matchingComparesTheWholeIndex() {
        String stored = index.index(BlindIndex.Purpose.MEMBER, "user-42");

        assertThat(index.matches(stored, BlindIndex.Purpose.MEMBER, "user-42")).isTrue();
        assertThat(index.matches(stored, BlindIndex.Purpose.MEMBER, "user-43")).isFalse();
        assertThat(index.matches(stored, BlindIndex.Purpose.COUNSELLOR, "user-42")).isFalse();
        assertThat(BlindIndex.sameIndex(stored, stored.substring(0, 42))).isFalse();
        assertThat(BlindIndex.sameIndex(stored, null)).isFalse();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutEchoingIt() {
        String short16 = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> BlindIndex.fromBase64Key(short16))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("32 bytes").hasMessageContaining("16 bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(short16));
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> BlindIndex.fromBase64Key("not*base64*secret"))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("not base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> BlindIndex.fromBase64Key("  ")).isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void urlSafeBase64KeysAreReadToo() {
        byte[] raw = Base64.getDecoder().decode(key);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(BlindIndex.fromBase64Key(urlSafe).index(BlindIndex.Purpose.MEMBER, "u"))
                .isEqualTo(index.index(BlindIndex.Purpose.MEMBER, "u"));
    }

    @Test
    void purposesAreNamesWithoutSeparators() {
        assertThatThrownBy(() -> new BlindIndex.Purpose("member|x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BlindIndex.Purpose("export-request").name()).isEqualTo("export-request");
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(index.toString()).isEqualTo("BlindIndex[key ****]").doesNotContain(key);
    }
}
