/**
 * The read side's one gate ({@link org.sharedagreements.query.access.AgreementGate}): every query endpoint learns
 * here, and only here, whether and as what its caller may see an agreement, by the shared kernel's
 * {@link org.sharedagreements.kernel.access.AccessPolicy} applied to the read model's access rows; the read models
 * answer about one agreement only for the {@link org.sharedagreements.query.access.VisibleAgreement} the gate
 * hands out. Anyone who may not see an agreement, invitees who have not joined included, is told it does not exist
 * (404, never 403), in the same time as for an id that names nothing: its existence is itself sensitive. The gate
 * also runs {@code minVersion} waits, which hold no request thread and wake on the projections' signal.
 */
package org.sharedagreements.query.access;
