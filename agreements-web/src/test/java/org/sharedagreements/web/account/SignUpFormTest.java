package org.sharedagreements.web.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What sign-up refuses, each with the message key the page shows. */
class SignUpFormTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aLoginNameAndTwoEqualLongPasswordsAreAccepted() {
        assertThat(new SignUpForm("Ada.Lovelace@example", PASSWORD, PASSWORD).problem()).isEmpty();
    }

    @Test
    void aLoginNameNeedsThreeToSixtyFourPlainCharacters() {
        assertThat(new SignUpForm("ad", PASSWORD, PASSWORD).problem()).contains("web.signup.username.invalid");
        assertThat(new SignUpForm("a".repeat(65), PASSWORD, PASSWORD).problem())
                .contains("web.signup.username.invalid");
        assertThat(new SignUpForm("ada lovelace", PASSWORD, PASSWORD).problem())
                .contains("web.signup.username.invalid");
        assertThat(new SignUpForm(null, PASSWORD, PASSWORD).problem()).contains("web.signup.username.invalid");
    }

    @Test
    void aPasswordNeedsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(new SignUpForm("ada", "short", "short").problem()).contains("web.signup.password.length");
        String tooLong = "x".repeat(SignUpForm.PASSWORD_MAX + 1);
        assertThat(new SignUpForm("ada", tooLong, tooLong).problem()).contains("web.signup.password.length");
        assertThat(new SignUpForm("ada", null, null).problem()).contains("web.signup.password.length");
    }

    @Test
    void bothPasswordsMustBeTheSame() {
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD + "!").problem()).contains("web.signup.password.mismatch");
    }

    @Test
    void thePasswordNeverAppearsInTheFormsText() {
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void loginNamesCompareWithoutCase() {
        assertThat(LocalAccounts.normalized(" Ada ")).isEqualTo("ada");
    }
}
