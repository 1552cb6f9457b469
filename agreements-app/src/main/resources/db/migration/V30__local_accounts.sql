-- The accounts of the local profile's own OpenID provider (sign-up and sign-in by password; the table stays empty
-- in production, where people sign in at the operator's provider). It names nobody in the clear, like every other
-- table: the login name is found by a blind index (HMAC-SHA-256, purpose "local-login", key in configuration,
-- never here) and the account id (a random UUID, which the provider issues as `sub` and the API then knows the
-- person by) is sealed together with the login name (AES-256-GCM under a key derived from the blind-index key);
-- the password hash is DelegatingPasswordEncoder's (bcrypt). Nothing else about the person.
CREATE TABLE local_account (
    login_index   CHAR(43)    PRIMARY KEY,
    sealed        BYTEA       NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
