/**
 * Live timelines: {@code GET /api/agreements/{a}/stream} sends each timeline entry as a Server-Sent Event as soon
 * as the timeline projection committed it, after first sending what a resuming client missed ({@code after} or
 * {@code Last-Event-ID}). Open streams are kept in a registry that the timeline signal feeds; a stream leaves it
 * when the client goes away, the stream times out, or the caller may no longer see the agreement.
 */
package org.sharedagreements.query.stream;
