/**
 * Encryption at rest by crypto-shredding: every {@link org.sharedagreements.kernel.Confidential} part of an event
 * is encrypted with AES-256-GCM under its agreement's own data key when the event is serialized for storage, and
 * decrypted when it is read back. Data keys are stored wrapped by the versioned master keyring from configuration
 * ({@code agreements-sealing}'s {@code MasterKeyring}); the operator rotates it offline with {@link
 * org.sharedagreements.app.crypto.KeysTool} and rewraps every live key through {@code POST
 * /api/admin/master-key/rewrap}. Erasing an agreement destroys its data key and tells every node to forget its
 * cached copy ({@link org.sharedagreements.app.crypto.ErasureNotifications}), after which its content reads as
 * erased while every stored byte (and so the hash chain) stays as it was.
 */
package org.sharedagreements.app.crypto;
