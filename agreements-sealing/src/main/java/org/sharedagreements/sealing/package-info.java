/**
 * Sealing: what keeps people's words and ids unreadable on disk and the event chain anchored outside it. Each
 * agreement has a {@link org.sharedagreements.sealing.DataKey} (AES-256-GCM) that
 * {@link org.sharedagreements.sealing.FieldSeal} seals its free text, categories, red flags and user ids with, in
 * events and read models alike, bound by a {@link org.sharedagreements.sealing.SealContext} to agreement, table
 * and field; the data key is stored only wrapped by the versioned
 * {@link org.sharedagreements.sealing.MasterKeyring} (a Tink AES-256-GCM keyset from configuration or a KMS), so
 * erasing the wrapped key erases the content. Lookups by user id use the
 * {@link org.sharedagreements.sealing.BlindIndex} (HMAC-SHA-256 per purpose under a configured key), and
 * {@link org.sharedagreements.sealing.CheckpointSigner} signs agreements' head hashes with Ed25519 for anyone to
 * verify. Pure Java and Tink: no Spring, no JDBC; the formats are in {@code docs/sealing.md}.
 */
package org.sharedagreements.sealing;
