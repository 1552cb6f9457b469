/**
 * The runnable application: wiring of both sides, security, profiles, storage configuration, the embedded
 * PostgreSQL default and the Flyway migrations that own the schema.
 */
package org.sharedagreements.app;
