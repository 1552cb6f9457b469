-- Read models are written far more often than they are searched, and nothing searches inside these documents:
-- timeline data is kept as the projection wrote it (json, not re-encoded as jsonb on every insert), and state
-- documents are stored out of line uncompressed (a long agreement's document is rewritten once per batch, and
-- compressing it each time was a large share of the database's work in a rebuild).
ALTER TABLE timeline_event ALTER COLUMN data TYPE json USING data::json;
ALTER TABLE agreement_state ALTER COLUMN document SET STORAGE EXTERNAL;
