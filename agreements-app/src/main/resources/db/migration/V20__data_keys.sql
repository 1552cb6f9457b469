-- One AES-256 data key per agreement, wrapped (AES-GCM) by the master key from configuration. Erasure sets
-- wrapped_key to NULL (crypto-shredding): the agreement's stored content can never be decrypted again.
CREATE TABLE agreement_data_key (
    agreement_id UUID                     NOT NULL,
    wrapped_key  BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT agreement_data_key_pk PRIMARY KEY (agreement_id),
    CONSTRAINT agreement_data_key_erased_ck CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
