-- Which master key version wraps each data key, so the operator's rewrap finds the rows not under the primary
-- version (and can tell when none is left under a version about to be destroyed) without unwrapping every row.
-- NULL: wrapped before master keys had versions (raw AES-GCM, no version prefix) or erased; the rewrap moves
-- such rows under the primary. The version is not secret: every wrapped key also starts with it.
ALTER TABLE agreement_data_key ADD COLUMN master_key_version INTEGER;

CREATE INDEX agreement_data_key_version_ix ON agreement_data_key (master_key_version) WHERE wrapped_key IS NOT NULL;
