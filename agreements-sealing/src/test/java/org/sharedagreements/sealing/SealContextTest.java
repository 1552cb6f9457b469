package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealContextTest {

    /** The rules of the class comment, as regular expressions: the char-by-char checks must agree with them. */
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[a-z][a-zA-Z0-9_]*(\\.[a-z][a-zA-Z0-9_]*)*");

    @Test
    void tablesAndFieldsAreCheckedExactlyAsTheRulesSay() {
        List<String> cases = List.of("", "a", "event", "agreement_state", "a1_", "1a", "_a", "Agreement", "aB",
                "terms.text", "terms.", ".terms", "terms..text", "terms.Text", "terms.text2.deep_er", "a.b.c", "a-b",
                "a|b", "a b", "é");
        for (String value : cases) {
            assertThat(SealContext.isTable(value)).as("table %s", value).isEqualTo(TABLE.matcher(value).matches());
            assertThat(SealContext.isField(value)).as("field %s", value).isEqualTo(FIELD.matcher(value).matches());
        }
        Random random = new Random(7);
        String alphabet = "abzAZ09_.|-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = value.toString();
            assertThat(SealContext.isTable(text)).as("table %s", text).isEqualTo(TABLE.matcher(text).matches());
            assertThat(SealContext.isField(text)).as("field %s", text).isEqualTo(FIELD.matcher(text).matches());
        }
    }

    @Test
    void aContextOutsideTheRulesIsRefused() {
        UUID agreement = UUID.randomUUID();
        assertThat(SealContext.column(agreement, "agreement_state", "sealed_document").field())
                .isEqualTo("sealed_document");
        assertThatThrownBy(() -> SealContext.column(agreement, "agreement|state", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealContext.event(agreement, "terms|text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealContext.event(agreement, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
