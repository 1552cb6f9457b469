/**
 * What every query endpoint shares besides the gate: reading and checking query parameters (every invalid one
 * reported at once as a 400 problem with {@code errors[]}) and the problems these endpoints answer with (404, 403,
 * 503 and 429 with {@code Retry-After}).
 */
package org.sharedagreements.query.web;
