package org.sharedagreements.query.timeline;

import org.sharedagreements.kernel.AgreementId;

import java.util.Objects;

/** The signal that an agreement's timeline entry {@code sequence} is committed to the read model and can be read. */
public record TimelineAppended(AgreementId agreementId, long sequence) {

    public TimelineAppended {
        Objects.requireNonNull(agreementId, "a timeline signal names its agreement");
        if (sequence < 0) {
            throw new IllegalArgumentException("a timeline sequence is 0 or more, not " + sequence);
        }
    }
}
