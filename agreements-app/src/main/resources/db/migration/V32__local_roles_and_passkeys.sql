-- The local profile's own OpenID provider, continued (V30): the roles a local account signs up with, and its
-- passkeys (Spring Security's WebAuthn). Like every other table, these name nobody in the clear.
--
-- roles: the account's roles as the values of a `roles` claim, space-separated (none: a partner). Not a secret:
-- the local provider is for development, and anyone signing up may choose any role.
-- account_index: the blind index (HMAC-SHA-256, purpose "local-account-id") of the account id, so that a passkey's
-- user (named by the account id) finds its account; null for accounts from before this migration until their
-- next password sign-in fills it in.
ALTER TABLE local_account ADD COLUMN roles TEXT NOT NULL DEFAULT '';
ALTER TABLE local_account ADD COLUMN account_index CHAR(43) UNIQUE;

-- A passkey's user entity (one per account that has a passkey): found by the blind index of its name (the account
-- id, purpose "passkey-user-name") and by that of its user handle (the random id the authenticator keeps, purpose
-- "passkey-user-handle"); the handle, the name and the display name are sealed together (AES-256-GCM under a key
-- derived from the blind-index key, which is never here).
CREATE TABLE passkey_user (
    name_index   CHAR(43)    PRIMARY KEY,
    handle_index CHAR(43)    NOT NULL UNIQUE,
    sealed       BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A passkey: its credential id in the clear (a random id the authenticator chose, which names no one and is what
-- a sign-in looks it up by), whose it is by the blind index of the user handle, and the rest sealed: the public
-- key, the signature counter, the flags and transports, the attestation, the label the person gave it, when it
-- was made and last used.
CREATE TABLE passkey_credential (
    credential_id BYTEA       PRIMARY KEY,
    handle_index  CHAR(43)    NOT NULL,
    sealed        BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX passkey_credential_by_user ON passkey_credential (handle_index);
