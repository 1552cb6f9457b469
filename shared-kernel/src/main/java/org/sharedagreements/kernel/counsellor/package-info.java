/**
 * Counsellor access: requested by one partner, granted when every partner approved, revoked by any partner at once.
 */
package org.sharedagreements.kernel.counsellor;
