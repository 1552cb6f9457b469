package org.sharedagreements.command.web;

/** The words a 400 uses for the fields of a command body, shared by the constraints and the type checks. */
final class RequestMessages {

    static final String REQUIRED = "is required";
    static final String BOUNDARY_VERSION = "must be a whole number from 1 to " + Integer.MAX_VALUE;

    private RequestMessages() {
    }
}
