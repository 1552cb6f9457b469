-- The tamper-evident hash chain of api.md ("Hash chain"), computed by the database as each event is stored, from
-- exactly the bytes stored, and kept with the event:
--   hash_i = sha256_hex(prev_i | agreementId | i | type_i | at_i | sha256_hex(payload_i)), prev_0 = 64 zeros
-- type_i is the payload's simple class name, at_i the stored timestamp as ISO-8601 UTC with milliseconds.
-- Verification recomputes all of it independently (in the query side) from the stored rows.

ALTER TABLE domain_event_entry ADD COLUMN hash CHAR(64);

CREATE FUNCTION agreement_event_time(stored VARCHAR) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT to_char(stored::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

CREATE FUNCTION domain_event_entry_chain() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    previous TEXT;
BEGIN
    IF NEW.sequence_number = 0 THEN
        previous := repeat('0', 64);
    ELSE
        SELECT hash INTO previous FROM domain_event_entry
         WHERE aggregate_identifier = NEW.aggregate_identifier AND sequence_number = NEW.sequence_number - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'event % of % has no stored predecessor to chain to',
                NEW.sequence_number, NEW.aggregate_identifier;
        END IF;
    END IF;
    NEW.hash := encode(sha256(convert_to(
            previous || '|' || NEW.aggregate_identifier || '|' || NEW.sequence_number || '|'
                || regexp_replace(NEW.payload_type, '^.*[.$]', '') || '|'
                || agreement_event_time(NEW.time_stamp) || '|'
                || encode(sha256(NEW.payload), 'hex'),
            'UTF8')), 'hex');
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    BEFORE INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_chain();

-- Defence in depth: stored events are never changed or removed, whoever asks (the production role should also
-- lack UPDATE and DELETE on this table; see README "Security and privacy").
CREATE FUNCTION domain_event_entry_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'stored events are immutable: % refused on domain_event_entry', TG_OP;
END
$$;

CREATE TRIGGER domain_event_entry_immutable
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_immutable();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_immutable();
