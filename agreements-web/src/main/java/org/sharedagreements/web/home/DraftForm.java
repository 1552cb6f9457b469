package org.sharedagreements.web.home;

import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;

/** The "Draft an agreement" form: its one field. Checked by the kernel's text rules, as the API checks it. */
public record DraftForm(@Confidential String title) {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
