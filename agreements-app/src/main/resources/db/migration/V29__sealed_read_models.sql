-- Privacy by construction (issue 13): the read models and the idempotency records hold no content and no user id
-- in plaintext. Content and people are sealed under the agreement's data key (AES-256-GCM, the agreement, table
-- and column bound as associated data), lookups by user id go through a keyed blind index (HMAC-SHA-256, key in
-- configuration, never here). Structure stays plain: ids, statuses, versions, sequences, times, counts.
--
-- There are no deployments yet, so the read models are not converted: they are emptied and rebuilt from the events
-- (the "read-models" processor's token is dropped, as in V23, so it starts again from the first event), and the
-- idempotency records, which live 24 hours, are dropped.
TRUNCATE projection_progress, agreement_state, agreement_access, timeline_event, boundary_version;
DELETE FROM token_entry WHERE processor_name = 'read-models';
-- parked events of the projections would be applied again on top of the rebuild
DELETE FROM dead_letter_entry WHERE processing_group IN ('agreement-state', 'agreement-timeline', 'boundary-history');
TRUNCATE idempotency_key;

-- agreement_state: the document is stored as its outline (every text, category, indicator and user id in it
-- reads "[erased]"; ids, statuses, versions and times stay), and what the outline left out is sealed in one value
-- beside it; the title (for lists) is sealed on its own. Erasure sets both sealed values to NULL: the outline is the
-- erased document, so partners still read their erased agreement. Status, version and the time of the last event
-- stay plain: lists sort and filter on them.
ALTER TABLE agreement_state ALTER COLUMN title DROP NOT NULL;
ALTER TABLE agreement_state ADD COLUMN sealed TEXT;
COMMENT ON COLUMN agreement_state.title IS 'sealed (s1:...) under the agreement''s data key; NULL once erased';
COMMENT ON COLUMN agreement_state.document IS
    'the state document''s outline: no content and no user id, each reads "[erased]"';
COMMENT ON COLUMN agreement_state.sealed IS
    'sealed JSON of what the outline left out, by JSON pointer; NULL once erased';

-- agreement_access: who may see which agreement, by blind index: purpose "member" for partners' rows,
-- "counsellor" for counsellors' rows (so the two columns cannot be joined to link one person's roles).
ALTER TABLE agreement_access DROP CONSTRAINT agreement_access_pk;
DROP INDEX agreement_access_user_idx;
ALTER TABLE agreement_access DROP COLUMN user_id;
ALTER TABLE agreement_access ADD COLUMN user_index CHAR(43) NOT NULL;
ALTER TABLE agreement_access ADD CONSTRAINT agreement_access_pk PRIMARY KEY (agreement_id, user_index, role);
CREATE INDEX agreement_access_user_idx ON agreement_access (user_index, role, status);

-- timeline_event: summary and data are the entry's outline, what it reads once the agreement is erased (a
-- sentence and the event's fields with every content value and user id as "[erased]"); sealed holds the actor,
-- the sentence naming people, and the values the outline left out. Erasure sets sealed to NULL.
ALTER TABLE timeline_event DROP COLUMN actor;
ALTER TABLE timeline_event DROP COLUMN content_paths;
ALTER TABLE timeline_event ADD COLUMN has_actor BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE timeline_event ADD COLUMN sealed TEXT;
COMMENT ON COLUMN timeline_event.summary IS 'the sentence without names: what the entry reads once erased';
COMMENT ON COLUMN timeline_event.data IS 'the event''s fields with content and user ids as "[erased]"';
COMMENT ON COLUMN timeline_event.sealed IS
    'sealed JSON {actor, summary, fields}: what the outline left out; NULL once the agreement is erased';

-- boundary_version: terms, reason and people in one sealed column per row; what the erased row reads is derived
-- from the plain columns (how many accepted, whether there was a reason).
ALTER TABLE boundary_version DROP COLUMN category;
ALTER TABLE boundary_version DROP COLUMN statement;
ALTER TABLE boundary_version DROP COLUMN measure;
ALTER TABLE boundary_version DROP COLUMN consequence;
ALTER TABLE boundary_version DROP COLUMN proposed_by;
ALTER TABLE boundary_version DROP COLUMN accepted_by;
ALTER TABLE boundary_version DROP COLUMN decided_by;
ALTER TABLE boundary_version DROP COLUMN reason;
ALTER TABLE boundary_version ADD COLUMN acceptances INTEGER NOT NULL DEFAULT 1;
ALTER TABLE boundary_version ADD COLUMN has_reason BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE boundary_version ADD COLUMN sealed TEXT;
COMMENT ON COLUMN boundary_version.sealed IS
    'sealed JSON {category, statement, measure, consequence, proposedBy, acceptedBy, decidedBy, reason}; NULL once erased';

-- idempotency_key: the caller and the key (a client may put anything in it) by blind index; the request hash
-- keyed by the blind-index key (a plain SHA-256 lets anyone confirm a guess of what someone wrote); the answer's
-- body sealed under a key derived from the blind-index key and the request itself, so only a repeat of that very
-- request opens it. Location and ETag stay plain: they hold ids and versions only.
ALTER TABLE idempotency_key ALTER COLUMN caller TYPE CHAR(43);
ALTER TABLE idempotency_key ALTER COLUMN request_hash TYPE CHAR(43);
ALTER TABLE idempotency_key ALTER COLUMN idempotency_key TYPE CHAR(43);
COMMENT ON COLUMN idempotency_key.caller IS 'blind index (purpose idempotency) of the caller''s JWT sub';
COMMENT ON COLUMN idempotency_key.idempotency_key IS
    'blind index (purpose idempotency-key) of the Idempotency-Key header: a client may put anything in it';
COMMENT ON COLUMN idempotency_key.request_hash IS
    'HMAC (blind index, purpose idempotency-request) of the SHA-256 of method, path, query, If-Match and body: '
    'the same key with another request is 422';
COMMENT ON COLUMN idempotency_key.body IS 'the answer''s body, sealed under a key derived from the request';
