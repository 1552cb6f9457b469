package org.sharedagreements.kernel.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The roles a token's {@code roles} claim may carry. Every authenticated person may act as a partner; these add
 * what a counsellor, an auditor or an operator may do, and take away starting agreements and changing them.
 */
public enum Role {
    COUNSELLOR("counsellor"),
    AUDITOR("auditor"),
    OPERATOR("operator");

    private static final String AUTHORITY_PREFIX = "ROLE_";

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value in the token's {@code roles} claim. */
    public String claim() {
        return claim;
    }

    /** The Spring Security authority the claim becomes ({@code ROLE_counsellor}). */
    public String authority() {
        return AUTHORITY_PREFIX + claim;
    }

    /** The roles among {@code authorities}; anything that is not one of ours is ignored. */
    public static Set<Role> fromAuthorities(Collection<String> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : values()) {
            if (authorities.contains(role.authority())) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The roles among the values of a {@code roles} claim; anything that is not one of ours is ignored. */
    public static Set<Role> fromClaims(Collection<String> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : values()) {
            if (claims.contains(role.claim)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
