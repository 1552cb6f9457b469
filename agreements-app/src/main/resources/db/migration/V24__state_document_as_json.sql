-- The agreement-state document is stored as the projection serialized it (json keeps the text as written; jsonb
-- would re-encode it on every write and re-print it, with its keys reordered, on every read). Nothing queries
-- inside it: the columns beside it are what lists filter and sort on. The state endpoint answers it as it is.
ALTER TABLE agreement_state ALTER COLUMN document TYPE json USING document::json;
