package org.sharedagreements.query.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.integrity.ChainExport;
import org.sharedagreements.query.integrity.ChainHead;
import org.sharedagreements.query.integrity.CheckedChain;
import org.sharedagreements.query.integrity.EventChainStore;
import org.sharedagreements.query.integrity.Verification;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What auditors read, for the audit API ({@code /api/audit/agreements}) and the auditor's pages alike: every
 * agreement's chain head, a redacted timeline page, the verification (with each checkpoint as judged) and the
 * redacted export. All of it comes from the event store's structure and hashes. The listing names no agreement,
 * so it is refused (403) to anyone but an auditor; the reads about one agreement go through
 * {@link AgreementReads#forAuditors}, which answers 404 to anyone else.
 */
@QuerySide
@Service
public class AuditReads {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_LIST_LIMIT = 10_000;

    private final EventChainStore chain;
    private final AgreementGate gate;
    private final AgreementReads reads;

    public AuditReads(EventChainStore chain, AgreementGate gate, AgreementReads reads) {
        this.chain = chain;
        this.gate = gate;
        this.reads = reads;
    }

    /**
     * Up to {@code limit} chain heads (every one when null) of the agreements whose id sorts after {@code after},
     * ordered by agreement id, but those parked on a dead letter, which auditors do not see until they are
     * applied; once the agreement {@code awaited} applied event {@code minVersion}, as on the other listings.
     */
    public CompletableFuture<List<ChainHead>> heads(Caller caller, AgreementId after, Long limit,
                                                    AgreementId awaited, String minVersion) {
        gate.require(caller, Scope.AUDIT_LIST);
        return reads.listing(caller, Audience.AUDITORS, awaited, minVersion).thenApply(ready ->
                visible(chain.heads(after == null ? null : after.toString(),
                        limit == null ? Integer.MAX_VALUE : limit.intValue())));
    }

    /**
     * One page of the listing for the auditor's pages: up to {@code size} heads after {@code after}, and where the
     * next page starts. The next page is decided before the parked agreements are left out, so a page that shows
     * fewer (or none) still leads to the rest.
     */
    public CompletableFuture<HeadsPage> headsPage(Caller caller, AgreementId after, int size) {
        gate.require(caller, Scope.AUDIT_LIST);
        return reads.listing(caller, Audience.AUDITORS, null, null).thenApply(ready -> {
            List<ChainHead> read = chain.heads(after == null ? null : after.toString(), size + 1);
            List<ChainHead> page = read.size() > size ? read.subList(0, size) : read;
            return new HeadsPage(visible(page), read.size() > size ? page.get(size - 1).agreementId() : null);
        });
    }

    /** A page of the listing, and the agreement id the next one starts after ({@code null}: none). */
    public record HeadsPage(List<ChainHead> heads, String nextAfter) {
    }

    private List<ChainHead> visible(List<ChainHead> heads) {
        Set<String> hidden = gate.hiddenFromAuditors(heads.stream().map(ChainHead::agreementId).toList());
        return hidden.isEmpty() ? heads : heads.stream().filter(head -> !hidden.contains(head.agreementId())).toList();
    }

    /** Up to {@code limit} (default {@value #DEFAULT_LIMIT}) redacted events after sequence {@code after} (from the first when null). */
    public CompletableFuture<AuditTimelinePage> timeline(Caller caller, AgreementId agreementId, Long after, Long limit,
                                                         String minVersion) {
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(visible -> timeline(visible, after, limit));
    }

    public CompletableFuture<Verification> verification(Caller caller, AgreementId agreementId, String minVersion) {
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(chain::verify);
    }

    /** The export without payloads: sequence, type, at, payload digest, links, hashes and checkpoints, still verifiable. */
    public CompletableFuture<ChainExport> export(Caller caller, AgreementId agreementId, String minVersion) {
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(visible ->
                ChainExport.redacted(visible.agreementId().toString(), chain.chain(visible)));
    }

    /** One page of the redacted timeline and the verification with each checkpoint as judged, behind one gate. */
    public CompletableFuture<AuditRecord> record(Caller caller, AgreementId agreementId, Long after, Long limit) {
        return reads.forAuditors(caller, agreementId, null).thenApply(visible -> {
            CheckedChain checked = chain.check(visible);
            return new AuditRecord(timeline(visible, after, limit), checked);
        });
    }

    private AuditTimelinePage timeline(VisibleAgreement visible, Long after, Long limit) {
        long from = after == null ? -1 : after;
        int size = limit == null ? DEFAULT_LIMIT : limit.intValue();
        long end = from > Long.MAX_VALUE - size ? Long.MAX_VALUE : from + size;
        List<AuditTimelineEntry> page = Pseudonyms.redact(chain.eventsUpTo(visible, end), from);
        return new AuditTimelinePage(page, chain.lastSequence(visible) > end ? end : null);
    }

    /** A page of an agreement's redacted timeline beside its verification and checkpoints. */
    public record AuditRecord(AuditTimelinePage timeline, CheckedChain chain) {
    }
}
