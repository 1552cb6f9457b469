package org.sharedagreements.app.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
class BodyTooLarge extends IOException {

    private final long limit;

    BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit the body passed, for the 413 answer of whoever was reading it. */
    long limit() {
        return limit;
    }
}
