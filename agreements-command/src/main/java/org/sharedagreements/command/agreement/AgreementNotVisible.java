package org.sharedagreements.command.agreement;

/**
 * Nothing there, as far as the caller is concerned: the caller may not see the agreement (or it does not exist;
 * the two are never told apart, existence is itself sensitive), or, for a partner who may see it, the boundary,
 * breach, red flag or counsellor grant the command names does not exist. The web layer answers 404 naming
 * {@link #what()}: only the agreement's partners ever learn that it is something inside the agreement that is
 * missing.
 */
public class AgreementNotVisible extends RuntimeException {

    private final String what;

    public AgreementNotVisible(String what) {
        super(what + " not found", null, false, false);
        this.what = what;
    }

    /** What is missing: "agreement", "boundary", "breach", "red flag" or "counsellor grant". */
    public String what() {
        return what;
    }
}
