/**
 * The command endpoints of the HTTP contract: each reads and validates its JSON body (every invalid field is
 * reported at once), turns it into a command for the caller (the JWT {@code sub} is the actor), sends it, and
 * answers the agreement's new version as body field and {@code ETag}. Domain refusals become 409, invisible
 * agreements 404 and stale {@code If-Match} versions 412.
 */
package org.sharedagreements.command.web;
