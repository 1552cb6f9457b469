package org.sharedagreements.web.account;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.access.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sign-up form: a login name, the role the person takes ({@value #PARTNER} or one of {@link Role#claims()}),
 * and how they sign in: {@value #BY_PASSKEY}, or by the password given twice. {@link #problem()} names the first
 * thing wrong.
 */
public record SignUpForm(String username, @Confidential String password, @Confidential String passwordAgain,
                         String role, String method) {

    static final String PARTNER = "partner";
    static final String BY_PASSKEY = "passkey";
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 128;
    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9._@-]{3,64}");

    /** The message key of the first problem, if any. */
    Optional<String> problem() {
        if (!LOGIN_NAME.matcher(LocalAccounts.normalized(username)).matches()) {
            return Optional.of("web.signup.username.invalid");
        }
        if (roles().isEmpty()) {
            return Optional.of("web.signup.role.invalid");
        }
        if (byPasskey()) {
            return Optional.empty();
        }
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            return Optional.of("web.signup.password.length");
        }
        if (!password.equals(passwordAgain)) {
            return Optional.of("web.signup.password.mismatch");
        }
        return Optional.empty();
    }

    /** The roles chosen: none for a partner (the default); empty when the choice is not one of ours. */
    Optional<Set<Role>> roles() {
        if (role == null || role.isBlank() || PARTNER.equals(role)) {
            return Optional.of(EnumSet.noneOf(Role.class));
        }
        Set<Role> chosen = Role.fromClaims(Set.of(role));
        return chosen.isEmpty() ? Optional.empty() : Optional.of(chosen);
    }

    boolean byPasskey() {
        return BY_PASSKEY.equals(method);
    }

    @Override
    public String toString() {
        return "SignUpForm[username=" + username + ", password=****, role=" + role + ", method=" + method + "]";
    }
}
