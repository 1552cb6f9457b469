-- Blue-green rebuilds of the read models (issue 15): each read-model table has a shadow of the same shape, which a
-- rebuild fills from the events while the live table keeps answering, and which then takes the live table's place
-- in one transaction (ReadModelTables.swap: the tables and their indexes trade names). The table it replaced becomes
-- the next shadow and is emptied. Same columns in the same order, same defaults, storage, comments and indexes:
-- sealed exactly as the live tables are (nothing in plaintext), and empty between rebuilds.
CREATE TABLE projection_progress_shadow (LIKE projection_progress INCLUDING ALL);
CREATE TABLE agreement_state_shadow (LIKE agreement_state INCLUDING ALL);
CREATE TABLE agreement_access_shadow (LIKE agreement_access INCLUDING ALL);
CREATE TABLE timeline_event_shadow (LIKE timeline_event INCLUDING ALL);
CREATE TABLE boundary_version_shadow (LIKE boundary_version INCLUDING ALL);

-- the swap renames each index <table>_<suffix> to the other table's name: every index is named after its table
ALTER INDEX projection_progress_shadow_pkey RENAME TO projection_progress_shadow_pk;
ALTER INDEX agreement_state_shadow_pkey RENAME TO agreement_state_shadow_pk;
ALTER INDEX agreement_access_shadow_pkey RENAME TO agreement_access_shadow_pk;
ALTER INDEX agreement_access_shadow_user_index_role_status_idx RENAME TO agreement_access_shadow_user_idx;
ALTER INDEX timeline_event_shadow_pkey RENAME TO timeline_event_shadow_pk;
ALTER INDEX boundary_version_shadow_pkey RENAME TO boundary_version_shadow_pk;
