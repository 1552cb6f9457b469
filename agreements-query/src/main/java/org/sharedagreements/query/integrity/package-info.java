/**
 * Integrity of the record: the hash chain of every agreement's events, recomputed from the stored bytes and
 * compared with the hashes the database stored with each event, and checked against the agreement's signed
 * checkpoints (which nobody who holds only the database can make). Verification names the first event not
 * vouched for by both; exports carry what anyone needs to re-verify offline; the checkpoint key is served. The
 * partners' and counsellors' {@code /verification} and {@code /export} endpoints and
 * {@code /api/integrity/checkpoint-key} live here; the auditors' redacted ones in {@code query.audit}.
 */
package org.sharedagreements.query.integrity;
