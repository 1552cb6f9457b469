-- The read side (agreements-query): plain tables written with JDBC by idempotent projections that run in pooled
-- streaming event processors. Every projection can be rebuilt from the events: its reset handler empties its tables.

-- How far each projection got with each agreement: the sequence number of the last event of that agreement it
-- applied. Projections skip events at or below it (idempotency) and minVersion waits on it (read your writes).
CREATE TABLE projection_progress (
    projection    VARCHAR(64) NOT NULL,
    agreement_id  UUID        NOT NULL,
    last_sequence BIGINT      NOT NULL,
    CONSTRAINT projection_progress_pk PRIMARY KEY (projection, agreement_id)
);

-- Projection "agreement-state": the contract's agreement-state document per agreement, folded from its events.
CREATE TABLE agreement_state (
    agreement_id  UUID         NOT NULL,
    title         TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    version       BIGINT       NOT NULL,
    last_event_at TIMESTAMPTZ  NOT NULL,
    document      JSONB        NOT NULL,
    CONSTRAINT agreement_state_pk PRIMARY KEY (agreement_id)
);

-- Projection "agreement-state" too (same processor, same transaction): who may see which agreement.
-- role PARTNER: status INVITED | JOINED | LEFT; role COUNSELLOR: status PENDING | GRANTED | REVOKED.
CREATE TABLE agreement_access (
    agreement_id  UUID         NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT agreement_access_pk PRIMARY KEY (agreement_id, user_id, role)
);

CREATE INDEX agreement_access_user_idx ON agreement_access (user_id, role, status);

-- Projection "agreement-timeline": one row per event of an agreement, in sequence order. content_paths lists the
-- JSON paths in data that are content (free text, category), purged when the agreement is erased.
CREATE TABLE timeline_event (
    agreement_id UUID         NOT NULL,
    sequence     BIGINT       NOT NULL,
    type         VARCHAR(128) NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(128),
    summary      TEXT         NOT NULL,
    data         JSONB        NOT NULL,
    content_paths JSONB       NOT NULL DEFAULT '[]',
    CONSTRAINT timeline_event_pk PRIMARY KEY (agreement_id, sequence)
);

-- Projection "boundary-history": every version of every boundary with its full terms and outcome.
-- kind PROPOSAL | REVISION; outcome PENDING | ACTIVATED | SUPERSEDED | DECLINED | WITHDRAWN.
CREATE TABLE boundary_version (
    agreement_id     UUID         NOT NULL,
    boundary_id      UUID         NOT NULL,
    boundary_version INTEGER      NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    category         VARCHAR(64)  NOT NULL,
    statement        TEXT         NOT NULL,
    measure          TEXT         NOT NULL,
    consequence      TEXT         NOT NULL,
    review_every     VARCHAR(16)  NOT NULL,
    proposed_by      VARCHAR(128) NOT NULL,
    proposed_at      TIMESTAMPTZ  NOT NULL,
    accepted_by      JSONB        NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    decided_by       VARCHAR(128),
    decided_at       TIMESTAMPTZ,
    reason           TEXT,
    superseded_at    TIMESTAMPTZ,
    last_sequence    BIGINT       NOT NULL,
    CONSTRAINT boundary_version_pk PRIMARY KEY (agreement_id, boundary_id, boundary_version)
);

-- Axon's JDBC dead-letter queue (JdbcSequencedDeadLetterQueue), one queue per processing group in one table:
-- GenericDeadLetterTableFactory's layout with snake_case names (see DeadLetterConfiguration's DeadLetterSchema),
-- BYTEA for serialized data and Axon's VARCHAR timestamps.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_uq UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_processing_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);
