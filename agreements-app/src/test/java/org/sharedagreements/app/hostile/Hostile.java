package org.sharedagreements.app.hostile;

import java.util.Map;
import java.util.Set;

/**
 * One generated hostile request and what the contract says it must get: {@code family} names the kind of abuse,
 * {@code expected} the allowed statuses, {@code errorField} a field the 400's {@code errors[]} must name (or null).
 * Paths and bodies hold placeholders ({@code {a}}, {@code @@B@@}) that the test fills with real ids.
 */
record Hostile(String family, Who caller, String method, String path, String body, String contentType,
               Map<String, String> headers, Set<Integer> expected, String errorField) {

    enum Who { PARTNER, STRANGER, COUNSELLOR }

    @Override
    public String toString() {
        String shownBody = body == null ? "-" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length()
                + " chars)" : body;
        return family + ": " + caller + " " + method + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path)
                + " [" + contentType + "] " + headers.keySet() + " body=" + shownBody + " -> expect " + expected
                + (errorField == null ? "" : " naming " + errorField);
    }
}
