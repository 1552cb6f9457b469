/**
 * Boundaries and their versions: proposals, acceptances, declines, revisions, consent withdrawals, reviews and retirement.
 */
package org.sharedagreements.kernel.boundary;
