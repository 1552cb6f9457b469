/**
 * Red flags: early warning signs (stress, loneliness, resentment) a partner raises and any partner addresses.
 */
package org.sharedagreements.kernel.redflag;
