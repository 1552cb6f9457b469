package org.sharedagreements.command.agreement;

/**
 * The caller may see the agreement but their role may not change it: a counsellor reads what the partners
 * granted and issues no commands; an auditor only replays and verifies. The web layer answers 403.
 */
public class RoleMayNotAct extends RuntimeException {

    public RoleMayNotAct(String role) {
        super("the " + role + " role may read but not change an agreement", null, false, false);
    }
}
