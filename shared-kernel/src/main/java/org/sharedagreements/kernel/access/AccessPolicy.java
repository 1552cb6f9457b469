package org.sharedagreements.kernel.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one policy of who may see and change an agreement (docs/contract.md, "Who sees what"):
 * <ul>
 *   <li>partners who joined, also after they left, read everything of their agreement;</li>
 *   <li>a caller with the counsellor role reads an agreement whose partners all granted them access, until one
 *   revokes it;</li>
 *   <li>a caller with the auditor role reads every agreement, redacted, through the audit endpoints only;</li>
 *   <li>only joined partners change an agreement (invitees may join, partners who left may erase); counsellors and
 *   auditors never do: 403 where they may see it;</li>
 *   <li>while an agreement's read models are parked on a dead letter, nobody but its partners sees it, so a
 *   revocation or an erasure stuck there fails closed;</li>
 *   <li>anyone else is told the agreement does not exist (404), never that they may not see it: its existence is
 *   itself sensitive.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** What a command on an existing agreement does, where that changes who may send it. */
    public enum Act {
        JOIN,
        ERASE,
        CHANGE
    }

    private AccessPolicy() {
    }

    /** How the caller may read the agreement through the partners' endpoints, if at all. */
    public static Optional<AccessRole> reader(Standing standing, Set<Role> roles) {
        Objects.requireNonNull(standing, "a standing, or Standing.stranger()");
        if (standing.joinedOnce()) {
            return Optional.of(AccessRole.PARTNER);
        }
        if (roles.contains(Role.COUNSELLOR) && standing.granted() && !standing.parked()) {
            return Optional.of(AccessRole.COUNSELLOR);
        }
        return Optional.empty();
    }

    /**
     * Whether the caller's roles let them use the audit endpoints at all; for anyone else those endpoints do not
     * exist (404, whatever they ask).
     */
    public static boolean audits(Set<Role> roles) {
        return roles.contains(Role.AUDITOR);
    }

    /** Whether the caller may read an agreement, redacted, through the audit endpoints. */
    public static boolean auditor(boolean exists, boolean parked, Set<Role> roles) {
        return audits(roles) && exists && !parked;
    }

    /** Whether the caller may send a command of this kind to an existing agreement. */
    public static Decision command(Standing standing, Set<Role> roles, Act act) {
        Objects.requireNonNull(standing, "a standing, or Standing.stranger()");
        if (roles.contains(Role.AUDITOR)) {
            return Decision.FORBID; // an auditor may see every agreement
        }
        if (roles.contains(Role.COUNSELLOR)) {
            return standing.joinedOnce() || standing.granted() ? Decision.FORBID : Decision.HIDE;
        }
        Membership membership = standing.membership();
        boolean allowed = membership == Membership.JOINED
                || act == Act.JOIN && membership == Membership.INVITED
                || act == Act.ERASE && membership == Membership.LEFT;
        return allowed ? Decision.ALLOW : Decision.HIDE;
    }

    /** Whether the caller may do what a request that names no agreement does. */
    public static Decision scope(Scope scope, Set<Role> roles) {
        boolean allowed = switch (scope) {
            // counsellors, auditors and operators read what they may; they never start agreements
            case DRAFT -> roles.isEmpty();
            case OWN_AGREEMENTS -> true;
            case CASELOAD -> roles.contains(Role.COUNSELLOR);
            case AUDIT_LIST -> roles.contains(Role.AUDITOR);
            case OPERATIONS -> roles.contains(Role.OPERATOR);
        };
        return allowed ? Decision.ALLOW : Decision.FORBID;
    }
}
