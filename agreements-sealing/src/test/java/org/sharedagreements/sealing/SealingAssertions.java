package org.sharedagreements.sealing;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one way the tests say "this does not open, for this reason". */
final class SealingAssertions {

    private SealingAssertions() {
    }

    static void assertRefused(ThrowingCallable call, SealingException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SealingException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
