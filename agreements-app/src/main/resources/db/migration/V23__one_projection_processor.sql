-- The three projections now share one event processor, "read-models" (see Projections.PROCESSOR). The tokens of
-- the three processors they had are dropped; the new processor starts from the first event, and the projections
-- skip every event their projection_progress says they applied already, so nothing is applied twice.
DELETE FROM token_entry WHERE processor_name IN ('agreement-state', 'agreement-timeline', 'boundary-history');
