package org.sharedagreements.command.agreement;

/**
 * The caller is not a partner of the agreement (or the boundary, breach or red flag it names does not exist),
 * so as far as the caller is concerned there is nothing there: the web layer answers 404. Existence is itself
 * sensitive, so this never says which of the two it was.
 */
public class AgreementNotVisible extends RuntimeException {

    public AgreementNotVisible(String what) {
        super(what + " not found", null, false, false);
    }
}
