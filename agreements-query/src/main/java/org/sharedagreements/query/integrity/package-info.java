/**
 * Integrity of the record: the hash chain of every agreement's events, recomputed from the stored bytes and
 * compared with the hashes the database stored with each event; verification names the first event that does
 * not match, and exports carry what anyone needs to re-verify offline. The partners' and counsellors'
 * {@code /verification} and {@code /export} endpoints live here; the auditors' redacted ones in {@code query.audit}.
 */
package org.sharedagreements.query.integrity;
