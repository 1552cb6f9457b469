/**
 * Where events, tokens and deadlines live: Axon's JDBC storage on PostgreSQL with snake_case tables owned by the
 * Flyway migrations, and the embedded PostgreSQL that stands in for a configured database in the local profile
 * and in tests.
 */
package org.sharedagreements.app.storage;
