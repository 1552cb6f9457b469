/**
 * What several nodes on one PostgreSQL need from each other beyond the event store and the token store: live
 * timeline signals carried between nodes by {@code LISTEN/NOTIFY}, so a stream open on any query node hears about
 * events whichever node projected them.
 */
package org.sharedagreements.app.cluster;
