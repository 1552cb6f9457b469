/**
 * Profiles and start-up rules. The default profile is chosen once every configuration source is read: {@code prod}
 * when a database is configured ({@link org.sharedagreements.app.config.DatasourceSetting}), {@code local}
 * (embedded PostgreSQL, development tokens) otherwise. {@code local} refuses to run against a configured database;
 * every other profile refuses to start without a database, a JWT setting and the master key. The rules are applied
 * when the environment is prepared and again when the context refreshes.
 */
package org.sharedagreements.app.config;
