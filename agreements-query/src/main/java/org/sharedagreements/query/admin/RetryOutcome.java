package org.sharedagreements.query.admin;

/**
 * What a retry of parked events did: how many parked sequences (a projection's parked events of one agreement)
 * were tried, how many of those were applied in full and left the queue, and how many sequences are parked now.
 */
public record RetryOutcome(int tried, int applied, long stillParked) {
}
