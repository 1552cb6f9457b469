package org.sharedagreements.web.account;

import org.sharedagreements.kernel.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in local account: its {@linkplain #getUsername() name} for Spring Security is the account id, so the
 * identity provider issues that id as {@code sub}; the login name is kept only to greet the person. Its authorities
 * are its roles ({@link Role#authority()}), which the provider puts in the ID token's {@code roles} claim.
 */
public final class LocalAccount extends User {

    private static final long serialVersionUID = 1L;

    private final String loginName;

    LocalAccount(UUID accountId, String loginName, String passwordHash, Set<Role> roles) {
        super(accountId.toString(), passwordHash, authorities(roles));
        this.loginName = Objects.requireNonNull(loginName, "an account has a login name");
    }

    public String loginName() {
        return loginName;
    }

    /** The account's roles (none: a partner). */
    public Set<Role> roles() {
        return Role.fromAuthorities(getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    private static List<GrantedAuthority> authorities(Set<Role> roles) {
        Objects.requireNonNull(roles, "an account's roles (none for a partner)");
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
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
