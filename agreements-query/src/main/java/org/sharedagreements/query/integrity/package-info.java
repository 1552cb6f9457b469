/**
 * Integrity of the record: the hash chain of every agreement's events, recomputed from the stored bytes and
 * compared with the hashes the database stored with each event; verification names the first event that does
 * not match, and exports carry what anyone needs to re-verify offline.
 */
package org.sharedagreements.query.integrity;
