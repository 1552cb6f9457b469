package org.sharedagreements.web.account;

import org.sharedagreements.kernel.Confidential;

import java.util.Optional;
import java.util.regex.Pattern;

/** The sign-up form: a login name and the password, twice. {@link #problem()} names the first thing wrong. */
public record SignUpForm(String username, @Confidential String password, @Confidential String passwordAgain) {

    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 128;
    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9._@-]{3,64}");

    /** The message key of the first problem, if any. */
    Optional<String> problem() {
        if (!LOGIN_NAME.matcher(LocalAccounts.normalized(username)).matches()) {
            return Optional.of("web.signup.username.invalid");
        }
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            return Optional.of("web.signup.password.length");
        }
        if (!password.equals(passwordAgain)) {
            return Optional.of("web.signup.password.mismatch");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SignUpForm[username=" + username + ", password=****]";
    }
}
