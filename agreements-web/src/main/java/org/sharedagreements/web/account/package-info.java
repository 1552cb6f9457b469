/**
 * The local profile's own accounts, for its embedded OpenID provider: sign-up and sign-in by password. An account
 * is known to the rest of the service only by its id, a random UUID that becomes the token's {@code sub}.
 */
package org.sharedagreements.web.account;
