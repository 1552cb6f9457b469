/**
 * Where events, tokens and deadlines live: Axon's JDBC storage on PostgreSQL with snake_case tables owned by the
 * Flyway migrations (its storage engine signing a checkpoint of every agreement's head as it appends), and the
 * embedded PostgreSQL of the local profile and the tests, which its connection pool always uses whatever
 * {@code spring.datasource.hikari} says.
 */
package org.sharedagreements.app.storage;
