package org.sharedagreements.web.record;

/**
 * One event of the timeline as a page shows it: its sequence (the agreement's version after it), the sentence,
 * when it happened, and the boundary it is about (null for events about no boundary), for the link to its history.
 */
public record TimelineLine(long sequence, String type, String sentence, Moment at, String boundaryId) {
}
