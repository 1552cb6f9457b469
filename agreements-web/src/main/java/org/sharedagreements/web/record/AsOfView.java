package org.sharedagreements.web.record;

import org.sharedagreements.query.agreement.AgreementState;

/**
 * The as-of view's form and answer: the range over the agreement's events ({@code 0..last}), the event chosen, the
 * moment it happened, and the agreement's state as it was then (null when there was none).
 */
public record AsOfView(long at, long last, Moment moment, AgreementState state) {
}
