-- The accounts of the local profile's own OpenID provider (sign-up and sign-in by password; the table stays empty
-- in production, where people sign in at the operator's provider). Kept minimal on purpose: the account id, a
-- random UUID that the provider issues as `sub` and the API then knows the person by (never the login name); the
-- login name the person chose, which signing in needs as typed (lower-cased), so it is stored in plaintext; and a
-- password hash (DelegatingPasswordEncoder, bcrypt). Nothing else about the person. The account id is an
-- identity provider's record of its own users, like any provider's user table; agreement data still names people
-- only sealed or by blind index.
CREATE TABLE local_account (
    account_id    UUID PRIMARY KEY,
    login_name    TEXT NOT NULL UNIQUE CHECK (length(login_name) BETWEEN 3 AND 64),
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
