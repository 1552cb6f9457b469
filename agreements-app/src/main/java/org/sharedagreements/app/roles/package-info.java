/**
 * Which side a node runs ({@code agreements.roles}: {@code command}, {@code query} or both, the default): each
 * class of a side says where it runs ({@code @CommandSide}, {@code @QuerySide}) and is not registered elsewhere,
 * a query node does not run db-scheduler (review deadlines belong to the aggregate on command nodes), and the
 * other side's endpoints answer 404. Command and query nodes of the same jar then scale apart on one PostgreSQL.
 */
package org.sharedagreements.app.roles;
