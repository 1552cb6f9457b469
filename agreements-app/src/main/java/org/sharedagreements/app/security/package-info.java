/**
 * Authentication: every endpoint but the health probes needs a JWT; its {@code sub} is the actor and its
 * {@code roles} claim the roles. Tokens are HS256 with a shared secret or RS256/ES256 from an OIDC issuer (or
 * both), and name one of the configured audiences when there are any. The local profile keeps its own secret under
 * {@code ./data} and issues tokens signed with it, and only it, at {@code /dev/tokens}. Every answer carries the
 * browser headers (Content-Security-Policy, Referrer-Policy, Permissions-Policy, HSTS over HTTPS).
 * <p>
 * The web pages ({@code /app}) are signed in another way, by an OpenID Connect login into a server-side session
 * ({@link org.sharedagreements.app.security.WebSecurityConfiguration}) whose roles come from the provider's
 * {@code roles} claim as the API's do from a token's, and whose sign-out signs out at the provider too; in the
 * local profile the service is its own OpenID provider
 * ({@link org.sharedagreements.app.security.LocalIdentityProviderConfiguration}), with sign-in by passkey
 * (Spring Security's WebAuthn, {@link org.sharedagreements.app.security.LocalRelyingParty}) or password. Each has a
 * filter chain of its own, ordered before the API's, which stays bearer-only.
 */
package org.sharedagreements.app.security;
