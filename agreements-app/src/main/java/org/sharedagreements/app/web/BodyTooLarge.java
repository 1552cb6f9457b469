package org.sharedagreements.app.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
    }
}
