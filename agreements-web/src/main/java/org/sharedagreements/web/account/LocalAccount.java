package org.sharedagreements.web.account;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

import java.util.Objects;
import java.util.UUID;

/**
 * A signed-in local account: its {@linkplain #getUsername() name} for Spring Security is the account id, so the
 * identity provider issues that id as {@code sub}; the login name is kept only to greet the person.
 */
public final class LocalAccount extends User {

    private static final long serialVersionUID = 1L;

    private final String loginName;

    LocalAccount(UUID accountId, String loginName, String passwordHash) {
        super(accountId.toString(), passwordHash, AuthorityUtils.NO_AUTHORITIES);
        this.loginName = Objects.requireNonNull(loginName, "an account has a login name");
    }

    public String loginName() {
        return loginName;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
