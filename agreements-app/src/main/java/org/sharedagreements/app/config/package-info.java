/**
 * Profiles and start-up checks: {@code local} (embedded PostgreSQL, development tokens) is the default unless a
 * datasource URL is configured, in which case {@code prod} is, and {@code prod} refuses to start without the
 * settings it needs.
 */
package org.sharedagreements.app.config;
