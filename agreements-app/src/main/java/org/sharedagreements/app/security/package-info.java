/**
 * Authentication: every endpoint but the health probes needs a JWT; its {@code sub} is the actor and its
 * {@code roles} claim the roles. Tokens are HS256 with a shared secret or RS256/ES256 from an OIDC issuer (or
 * both), and name one of the configured audiences when there are any. The local profile keeps its own secret under
 * {@code ./data} and issues tokens signed with it, and only it, at {@code /dev/tokens}. Every answer carries the
 * browser headers (Content-Security-Policy, Referrer-Policy, Permissions-Policy, HSTS over HTTPS).
 */
package org.sharedagreements.app.security;
