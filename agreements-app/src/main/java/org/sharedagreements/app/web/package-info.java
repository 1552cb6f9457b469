/**
 * What every endpoint shares: problem+json for every error (never a stack trace, SQL or class name), the body
 * limit ({@code agreements.request.max-body-bytes}, 64 KiB) enforced by the first servlet filter before anything
 * authenticates or parses a body, on the public and the management server, Tomcat bounded to it, 503 with
 * {@code Retry-After} while the database is unreachable, and the web half of the command endpoints'
 * {@code Idempotency-Key} (the command half is {@code org.sharedagreements.command.idempotency}).
 */
package org.sharedagreements.app.web;
