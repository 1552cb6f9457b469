package org.sharedagreements.web.record;

import java.util.List;

/**
 * "A record of agreed-upon boundaries to review during rough patches": the boundaries in force, each with its
 * terms and history in sentences, and the verdict on the agreement's hash chain, as of when it was produced. The
 * printable page and the PDF show the same record.
 */
public record AgreementRecord(String agreementId, String title, String status, List<Entry> boundaries,
                              Verified verification, Moment producedAt) {

    public record Entry(String boundaryId, String statement, String status, List<Term> terms, List<String> history) {
    }

    public record Term(String label, String value) {
    }

    /** The verification of {@code GET /api/agreements/{a}/verification}, with its verdict as a sentence. */
    public record Verified(boolean valid, String verdict, long eventCount, String headHash, Long firstInvalidSequence,
                           String reason, long checkpointCount, String checkpoint) {
    }
}
