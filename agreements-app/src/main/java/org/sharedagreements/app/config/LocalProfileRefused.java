package org.sharedagreements.app.config;

/**
 * The {@code local} profile was chosen while a database is configured: it would run its development token endpoint
 * and local secrets against that database, so it does not start.
 */
public class LocalProfileRefused extends RefusedStart {

    public LocalProfileRefused(String setting) {
        super("profile local runs only on its embedded PostgreSQL, but " + setting + " is set",
                "Remove " + setting + " to run locally, or start with SPRING_PROFILES_ACTIVE=prod "
                        + "(README.md, section Production).");
    }
}
