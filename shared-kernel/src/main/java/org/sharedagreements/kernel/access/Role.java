package org.sharedagreements.kernel.access;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles a token's {@code roles} claim may carry. Every authenticated person may act as a partner; these add
 * what a counsellor, an auditor or an operator may do, and take away starting agreements and changing them.
 */
public enum Role {
    COUNSELLOR("counsellor"),
    AUDITOR("auditor"),
    OPERATOR("operator");

    /** What Spring Security puts before a role's claim to make its authority; the one place of {@code ROLE_}. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

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

    /** Every value a {@code roles} claim may carry that means something here. */
    public static Set<String> claims() {
        Set<String> claims = new LinkedHashSet<>();
        for (Role role : values()) {
            claims.add(role.claim);
        }
        return Collections.unmodifiableSet(claims);
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
