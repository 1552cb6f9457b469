package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.access.Role;

import java.util.Set;

/**
 * The caller may see the agreement (or the request names none) but their role may not change it: a counsellor
 * reads what the partners granted and issues no commands; an auditor only replays and verifies; none of the
 * three roles starts an agreement. The web layer answers 403.
 */
public class RoleMayNotAct extends RuntimeException {

    private RoleMayNotAct(String message) {
        super(message, null, false, false);
    }

    /** For a command on an agreement the caller's role lets them see. */
    public static RoleMayNotAct change(Set<Role> roles) {
        return new RoleMayNotAct("the " + roleName(roles) + " role may read but not change an agreement");
    }

    /** For a new agreement. */
    public static RoleMayNotAct draft(Set<Role> roles) {
        return new RoleMayNotAct("the " + roleName(roles) + " role may not start an agreement");
    }

    private static String roleName(Set<Role> roles) {
        // the reading roles first: they are why the caller may see what they may not change
        for (Role role : new Role[]{Role.AUDITOR, Role.COUNSELLOR, Role.OPERATOR}) {
            if (roles.contains(role)) {
                return role.claim();
            }
        }
        return "caller's";
    }
}
