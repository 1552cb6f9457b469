/**
 * What every query endpoint shares besides the gate: the constraints of query parameters ({@link
 * org.sharedagreements.query.web.WholeNumber}, {@link org.sharedagreements.query.web.IsoInstant}; every invalid one
 * is reported at once in the application's one 400) and reading them once valid ({@link
 * org.sharedagreements.query.web.QueryValues}), and the problems these endpoints answer with (404, 403, 503 and
 * 429 with {@code Retry-After}).
 */
package org.sharedagreements.query.web;
