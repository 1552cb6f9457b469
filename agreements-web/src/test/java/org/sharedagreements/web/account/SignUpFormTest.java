package org.sharedagreements.web.account;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.access.Role;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What sign-up refuses, each with the message key the page shows. */
class SignUpFormTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aLoginNameAndTwoEqualLongPasswordsAreAccepted() {
        assertThat(form("Ada.Lovelace@example", PASSWORD, PASSWORD).problem()).isEmpty();
    }

    @Test
    void aLoginNameNeedsThreeToSixtyFourPlainCharacters() {
        assertThat(form("ad", PASSWORD, PASSWORD).problem()).contains("web.signup.username.invalid");
        assertThat(form("a".repeat(65), PASSWORD, PASSWORD).problem())
                .contains("web.signup.username.invalid");
        assertThat(form("ada lovelace", PASSWORD, PASSWORD).problem())
                .contains("web.signup.username.invalid");
        assertThat(form(null, PASSWORD, PASSWORD).problem()).contains("web.signup.username.invalid");
    }

    @Test
    void aPasswordNeedsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(form("ada", "short", "short").problem()).contains("web.signup.password.length");
        String tooLong = "x".repeat(SignUpForm.PASSWORD_MAX + 1);
        assertThat(form("ada", tooLong, tooLong).problem()).contains("web.signup.password.length");
        assertThat(form("ada", null, null).problem()).contains("web.signup.password.length");
    }

    @Test
    void bothPasswordsMustBeTheSame() {
        assertThat(form("ada", PASSWORD, PASSWORD + "!").problem()).contains("web.signup.password.mismatch");
    }

    @Test
    void thePasswordNeverAppearsInTheFormsText() {
        assertThat(form("ada", PASSWORD, PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aPartnerIsTheDefaultAndACounsellorOrAnotherOfOurRolesMayBeChosen() {
        assertThat(form("ada", PASSWORD, PASSWORD).roles()).contains(EnumSet.noneOf(Role.class));
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD, SignUpForm.PARTNER, null).roles())
                .contains(EnumSet.noneOf(Role.class));
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD, Role.COUNSELLOR.claim(), null).roles())
                .contains(EnumSet.of(Role.COUNSELLOR));
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD, Role.OPERATOR.claim(), null).problem()).isEmpty();
    }

    @Test
    void aRoleThatIsNotOursIsRefused() {
        assertThat(new SignUpForm("ada", PASSWORD, PASSWORD, "admin", null).problem())
                .contains("web.signup.role.invalid");
    }

    @Test
    void signingUpForAPasskeyNeedsNoPassword() {
        assertThat(new SignUpForm("ada", null, null, null, SignUpForm.BY_PASSKEY).problem()).isEmpty();
        assertThat(new SignUpForm("ad", null, null, null, SignUpForm.BY_PASSKEY).problem())
                .contains("web.signup.username.invalid");
    }

    @Test
    void loginNamesCompareWithoutCase() {
        assertThat(LocalAccounts.normalized(" Ada ")).isEqualTo("ada");
    }

    private static SignUpForm form(String username, String password, String passwordAgain) {
        return new SignUpForm(username, password, passwordAgain, null, null);
    }
}
