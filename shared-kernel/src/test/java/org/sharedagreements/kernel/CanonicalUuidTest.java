package org.sharedagreements.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalUuidTest {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void onlyTheCanonicalFormIsAnId() {
        UUID id = UUID.randomUUID();
        assertThat(CanonicalUuid.parse(id.toString())).isEqualTo(id);
        assertThat(CanonicalUuid.parse(id.toString().toUpperCase())).isEqualTo(id);
        for (String other : List.of("1-1-1-1-1", "", id + " ", id.toString().replace("-", ""),
                id.toString().substring(1) + "g", "{" + id.toString().substring(1, 35) + "}",
                id.toString().replaceFirst("-", "_"))) {
            assertThat(CanonicalUuid.isCanonical(other)).as(other).isFalse();
            assertThatThrownBy(() -> CanonicalUuid.parse(other)).isInstanceOf(InvalidValue.class);
        }
        assertThat(CanonicalUuid.isCanonical(null)).isFalse();
    }

    @Test
    void theCheckAgreesWithTheRuleOnMutatedIds() {
        Random random = new Random(11);
        String alphabet = "09afAFgG-z ";
        for (int i = 0; i < 50_000; i++) {
            char[] chars = UUID.randomUUID().toString().toCharArray();
            chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            String text = new String(chars);
            assertThat(CanonicalUuid.isCanonical(text)).as(text).isEqualTo(CANONICAL.matcher(text).matches());
        }
    }
}
