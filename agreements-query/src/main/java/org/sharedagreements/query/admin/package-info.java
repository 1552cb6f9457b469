/**
 * What operators see and do: the status of every projection (how far its tokens got against the head of the event
 * store, whether it is replaying, how many agreements it parked in its dead-letter queue), rebuilding a projection
 * from the first event into shadow tables that are swapped in once they caught up (the live ones answer until
 * then), and the parked events themselves: listed (agreement,
 * projection, event type and sequence, failure class; never content) and retried. Only callers with the
 * {@code operator} role reach these endpoints; they show agreement ids, never what is in an agreement.
 */
package org.sharedagreements.query.admin;
