/**
 * What auditors see: every agreement's chain head, its timeline redacted to event types, times, sequence numbers,
 * pseudonymous actors ({@code partner-1}, ... in order of first appearance: the drafter first, then each partner as
 * they join) and hashes, its verification, and its export without payloads, still verifiable. Nothing here reads a
 * title, category or free text: everything comes from the stored events' structure and hashes. Only callers with
 * the auditor role get an answer; for anyone else the agreement endpoints do not exist (404), and the listing,
 * which names no agreement, is refused (403). While an agreement's read models are parked on a dead letter,
 * auditors do not see it either (the gate's rule for everyone but its partners).
 */
package org.sharedagreements.query.audit;
