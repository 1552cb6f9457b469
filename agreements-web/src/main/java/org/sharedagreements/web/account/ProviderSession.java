package org.sharedagreements.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The local provider's own sign-in, kept apart from the pages' (the app's {@code LocalIdentityProviderConfiguration}
 * implements it): a person who has just signed up for a passkey is signed in at the provider so that they may
 * register one, and then goes on with the authorization request the provider saved.
 */
public interface ProviderSession {

    /** Signs the account in at the provider, as its password sign-in would (a new session id, then the context). */
    void signIn(LocalAccount account, HttpServletRequest request, HttpServletResponse response);

    /** Where to go on: the authorization request the provider saved when it asked for sign-in, else the pages. */
    String resumeUrl(HttpServletRequest request, HttpServletResponse response);
}
