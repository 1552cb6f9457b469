/**
 * What every query endpoint shares: reading and checking query parameters (every invalid one reported at once
 * as a 400 problem with {@code errors[]}), the gate that answers 404 to anyone who may not see an agreement and
 * makes {@code minVersion} wait for the read model (503 with {@code Retry-After} when it does not catch up in
 * time), and the problems these endpoints answer with.
 */
package org.sharedagreements.query.web;
