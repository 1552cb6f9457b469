/**
 * The local profile's own accounts, for its embedded OpenID provider: sign-up (as a partner, a counsellor, or for
 * development an auditor or operator) and sign-in by passkey or password, and the passkeys' storage for Spring
 * Security's WebAuthn ({@link org.sharedagreements.web.account.PasskeyUsers},
 * {@link org.sharedagreements.web.account.Passkeys}), which names nobody in the clear. An account is known to the
 * rest of the service only by its id, a random UUID that becomes the token's {@code sub}.
 */
package org.sharedagreements.web.account;
