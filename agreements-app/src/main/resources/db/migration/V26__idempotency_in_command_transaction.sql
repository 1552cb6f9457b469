-- Idempotency-Key (api.md) moves into the command's transaction: a command claims its key's row before its
-- handler runs and writes its answer into it before its events are appended, all in one transaction
-- (IdempotencyInterceptor), so a committed command always has its row with its answer, and a repeat that comes
-- while the first runs waits on the row's primary key. Refusals are recorded after the fact. Only callers with a
-- JWT own keys, and only on the command endpoints (POST and DELETE under /api/agreements).
--
-- Before, a key was claimed in a transaction of its own and released again when the answer was a 5xx, so a
-- command that committed but whose answer was lost ran again on retry; and Spring Security's anonymous caller
-- of the permit-all paths owned keys too, so POST /dev/tokens kept the token it minted for 24 hours. Of the rows
-- left from then, only the answers of commands that were carried out are kept (each has the agreement's
-- version as ETag, and its request hash is still what a repeat without If-Match hashes to); claims still marked
-- running, refusals, and everything else, the minted tokens above all, go.
DELETE FROM idempotency_key WHERE status IS NULL OR etag IS NULL OR caller = 'anonymousUser';

COMMENT ON COLUMN idempotency_key.request_hash IS
    'SHA-256 of method, path, query, If-Match and body bytes: the same key with another request is 422';
COMMENT ON COLUMN idempotency_key.status IS
    'NULL only inside the claiming command''s transaction, before its handler answered; never committed so';

-- 5xx answers are never recorded: the request failed on our side and a retry must be able to run it.
ALTER TABLE idempotency_key
    ADD CONSTRAINT idempotency_key_status_recorded CHECK (status IS NULL OR status BETWEEN 200 AND 499);
