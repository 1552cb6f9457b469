package org.sharedagreements.kernel;

/**
 * Every event of an agreement names the agreement and who caused it. The actor is the partner whose command
 * caused the event, or {@code null} for what the service itself records (a review falling due).
 */
public interface AgreementEvent {

    AgreementId agreementId();

    PartnerId actor();
}
