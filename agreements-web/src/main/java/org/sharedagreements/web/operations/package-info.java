/**
 * The operator's page ({@code /app/operations}): every projection's status, the events the projections parked
 * (never their content) and the buttons that rebuild a projection or retry what was parked, through the same
 * {@code ProjectionAdministration} and {@code DeadLetters} as {@code /api/admin}, behind the same gate (403 to
 * anyone but an operator).
 */
package org.sharedagreements.web.operations;
