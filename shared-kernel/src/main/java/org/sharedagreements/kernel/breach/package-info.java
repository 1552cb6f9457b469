/**
 * Breaches of an active boundary: reports and self-disclosures, acknowledgement and resolution.
 */
package org.sharedagreements.kernel.breach;
