/**
 * What every endpoint shares: problem+json for every error (never a stack trace, SQL or class name), the 64 KiB
 * body limit, 503 with {@code Retry-After} while the database is unreachable, and the web half of the command
 * endpoints' {@code Idempotency-Key} (the command half is {@code org.sharedagreements.command.idempotency}).
 */
package org.sharedagreements.app.web;
