/**
 * The service's clock: one {@code java.time.Clock} bean that handlers, records and Axon's event timestamps all
 * read, so that no class takes "now" from a static of its own.
 */
package org.sharedagreements.app.time;
