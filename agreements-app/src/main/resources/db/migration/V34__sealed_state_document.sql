-- Faster state reads (issue 15): agreement_state keeps the whole state document sealed in one value beside its
-- outline, so that a read opens it and answers it as stored, and the projection reads it straight into its state,
-- instead of parsing the outline and the values it left out and joining them (most of a read's time for a large
-- document). The outline stays: it is what an erased agreement's document reads, and erasure needs no key.
--
-- Rows written before this hold the values the outline left out in "sealed" and are read as before until the
-- projection next writes them (their next event, or a rebuild). "sealed" also still holds, under the interim seal,
-- what a replay carries of an agreement whose key is gone (ReadModelSeals).
ALTER TABLE agreement_state ADD COLUMN sealed_document TEXT;
ALTER TABLE agreement_state_shadow ADD COLUMN sealed_document TEXT;
-- out of line and uncompressed, as the outline (V25): it is rewritten once per batch, and ciphertext does not
-- compress
ALTER TABLE agreement_state ALTER COLUMN sealed_document SET STORAGE EXTERNAL;
ALTER TABLE agreement_state_shadow ALTER COLUMN sealed_document SET STORAGE EXTERNAL;
COMMENT ON COLUMN agreement_state.sealed_document IS
    'the whole state document, sealed (s1:...) under the agreement''s data key; NULL once erased';
COMMENT ON COLUMN agreement_state.sealed IS
    'rows from before V34, and replays of an agreement whose key is gone: sealed JSON of what the outline left out, by JSON pointer; NULL once erased';
COMMENT ON COLUMN agreement_state_shadow.sealed_document IS
    'the whole state document, sealed (s1:...) under the agreement''s data key; NULL once erased';
COMMENT ON COLUMN agreement_state_shadow.sealed IS
    'rows from before V34, and replays of an agreement whose key is gone: sealed JSON of what the outline left out, by JSON pointer; NULL once erased';
