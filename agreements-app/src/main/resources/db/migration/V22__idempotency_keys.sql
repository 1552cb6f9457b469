-- Idempotency-Key (api.md): the first answer to a (caller, key) pair, kept for 24 hours and returned again for a
-- repeat of the same request. A row without a status is a request still running.
CREATE TABLE idempotency_key (
    caller          VARCHAR(128)             NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(2048),
    etag            VARCHAR(64),
    body            BYTEA,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (caller, idempotency_key)
);

CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
