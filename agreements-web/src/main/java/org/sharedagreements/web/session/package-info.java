/**
 * Who a page is for: the {@link org.sharedagreements.web.session.SignedInPerson} of the session, as a handler
 * parameter and as every page's {@code signedIn} model value for the shared header.
 */
package org.sharedagreements.web.session;
