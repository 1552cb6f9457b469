package org.sharedagreements.app.crypto;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.springframework.stereotype.Component;

/**
 * Destroys an agreement's data key when it is erased. It runs in a subscribing processor, so the key is
 * destroyed in the same transaction that stores {@code AgreementErased}: either both happen or neither.
 */
@Component
@ProcessingGroup(DataKeyShredder.GROUP)
public class DataKeyShredder {

    static final String GROUP = "data-key-shredder";

    private final DataKeyStore keys;

    public DataKeyShredder(DataKeyStore keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(AgreementErased event) {
        keys.destroy(event.agreementId());
    }
}
