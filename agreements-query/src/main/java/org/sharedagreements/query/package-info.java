/**
 * The read side: the projections and their read models, the query endpoints, live streams and projection
 * administration. Every class Spring or Axon runs here carries {@link org.sharedagreements.query.QuerySide}, so it
 * exists only on query nodes.
 */
package org.sharedagreements.query;
