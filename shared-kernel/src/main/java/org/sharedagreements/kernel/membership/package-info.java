/**
 * Forming and ending an agreement: drafting, invitations, joining and leaving.
 */
package org.sharedagreements.kernel.membership;
