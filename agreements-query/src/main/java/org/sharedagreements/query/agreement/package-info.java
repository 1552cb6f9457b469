/**
 * The state of an agreement: the pure fold from its events to the contract's agreement-state document, the
 * projection that keeps that document (and who may see it) per agreement, the as-of query that folds the same
 * events up to an instant, and the endpoints that list agreements and show one, now or as it was.
 */
package org.sharedagreements.query.agreement;
