package org.sharedagreements.app.config;

/**
 * A start the service refuses because of its configuration; {@link RefusedStartFailureAnalyzer} reports it as one
 * line and the action that fixes it, instead of a stack trace.
 */
public abstract class RefusedStart extends RuntimeException {

    private final String action;

    protected RefusedStart(String reason, String action) {
        super(reason, null, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
