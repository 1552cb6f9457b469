/**
 * Encryption at rest by crypto-shredding: every {@link org.sharedagreements.kernel.Confidential} part of an event
 * is encrypted with AES-256-GCM under its agreement's own data key when the event is serialized for storage, and
 * decrypted when it is read back. Data keys are stored wrapped by the master key from configuration; erasing an
 * agreement destroys its data key, after which its content reads as erased while every stored byte (and so the
 * hash chain) stays as it was.
 */
package org.sharedagreements.app.crypto;
