/**
 * What operators see and do: the status of every projection (how far its tokens got against the head of the event
 * store, whether it is replaying, how many agreements it parked in its dead-letter queue) and rebuilding a
 * projection from the first event while the service keeps serving. Only callers with the {@code operator} role
 * reach these endpoints, and nothing here names or shows an agreement.
 */
package org.sharedagreements.query.admin;
