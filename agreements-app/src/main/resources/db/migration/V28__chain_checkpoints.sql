-- Signed checkpoints of each agreement's hash chain (docs/sealing.md, "Checkpoint"; docs/contract.md,
-- "Checkpoints"). In the transaction of every append, after the chain trigger of V21 has stored the new events'
-- hashes, the service signs the head of each agreement it appended to: "the hash of event sequence_number was
-- head_hash at signed_at". Whoever holds the database can rewrite events and recompute every hash, but cannot sign
-- a checkpoint for the rewritten chain, so verification (which checks every row's signature against the published
-- key and every row's head_hash against the stored chain) shows the rewrite. One row per append; rows are never
-- changed or removed.

CREATE TABLE chain_checkpoint (
    agreement_id    UUID         NOT NULL,
    sequence_number BIGINT       NOT NULL,
    head_hash       CHAR(64)     NOT NULL,
    signed_at       TIMESTAMPTZ  NOT NULL,
    key_id          VARCHAR(64)  NOT NULL,
    signature       VARCHAR(128) NOT NULL,
    CONSTRAINT chain_checkpoint_pk PRIMARY KEY (agreement_id, sequence_number)
);

-- Defence in depth, as for the events themselves (V21): the service only ever inserts.
CREATE FUNCTION chain_checkpoint_immutable() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'checkpoints are immutable: % refused on chain_checkpoint', TG_OP;
END
$$;

CREATE TRIGGER chain_checkpoint_immutable
    BEFORE UPDATE OR DELETE ON chain_checkpoint
    FOR EACH ROW EXECUTE FUNCTION chain_checkpoint_immutable();

CREATE TRIGGER chain_checkpoint_no_truncate
    BEFORE TRUNCATE ON chain_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION chain_checkpoint_immutable();
