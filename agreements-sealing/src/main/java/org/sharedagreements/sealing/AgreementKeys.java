package org.sharedagreements.sealing;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the code that stores an agreement's content gets the agreement's {@link FieldSeal}: event serialization,
 * the read models and anything else that writes what a person wrote or who they are. One implementation holds the
 * wrapped data keys in the database (the app's data key store); {@link InMemoryAgreementKeys} serves tests and
 * tools.
 */
public interface AgreementKeys {

    /** The agreement's seal, its data key created on first use; fails for an agreement whose key was destroyed. */
    FieldSeal sealing(UUID agreementId);

    /** The agreement's seal for reading; empty once the agreement was erased (its key destroyed) or never had one. */
    Optional<FieldSeal> opening(UUID agreementId);
}
