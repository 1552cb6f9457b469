/**
 * What every endpoint shares: problem+json for every error (never a stack trace, SQL or class name), the 64 KiB
 * body limit, and 503 with {@code Retry-After} while the database is unreachable.
 */
package org.sharedagreements.app.web;
