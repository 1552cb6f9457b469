package org.sharedagreements.query.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.integrity.ChainExport;
import org.sharedagreements.query.integrity.ChainHead;
import org.sharedagreements.query.integrity.EventChainStore;
import org.sharedagreements.query.integrity.Verification;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.Gated;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The auditor's endpoints: {@code GET /api/audit/agreements} (every agreement's chain head),
 * {@code .../{a}/timeline} (redacted, paged like the timeline), {@code .../{a}/verification} and
 * {@code .../{a}/export} (without payloads). All of it comes from the event store's structure and hashes, never
 * from content or read models that hold content.
 */
@QuerySide
@RestController
@RequestMapping("/api/audit/agreements")
public class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_LIST_LIMIT = 10_000;

    private final EventChainStore chain;
    private final AgreementGate gate;
    private final AgreementReads reads;

    AuditController(EventChainStore chain, AgreementGate gate, AgreementReads reads) {
        this.chain = chain;
        this.gate = gate;
        this.reads = reads;
    }

    /**
     * Every agreement's chain head, ordered by agreement id (but those parked on a dead letter, which auditors do
     * not see until they are applied). Optional {@code after} (an agreement id) and {@code limit} page through
     * them; as on the other listings, {@code minVersion} needs {@code agreementId}.
     */
    @GetMapping
    public CompletableFuture<List<ChainHead>> agreements(@Gated(scope = Scope.AUDIT_LIST) Caller caller,
                                                         @RequestParam(value = "after", required = false) AgreementId from,
                                                         @RequestParam(value = "limit", required = false)
                                                         @WholeNumber(min = 1, max = MAX_LIST_LIMIT) String limit,
                                                         @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
                                                         @RequestParam(value = "agreementId", required = false) AgreementId agreementId) {
        Long size = QueryValues.wholeNumber(limit);
        return reads.listing(caller, Audience.AUDITORS, agreementId, minVersion).thenApply(ready -> {
            List<ChainHead> heads = chain.heads(from == null ? null : from.toString(),
                    size == null ? Integer.MAX_VALUE : size.intValue());
            Set<String> hidden = gate.hiddenFromAuditors(heads.stream().map(ChainHead::agreementId).toList());
            return hidden.isEmpty() ? heads : heads.stream().filter(head -> !hidden.contains(head.agreementId())).toList();
        });
    }

    /** Up to {@code limit} redacted events after sequence {@code after} (from the first when absent). */
    @GetMapping("/{a}/timeline")
    public CompletableFuture<AuditTimelinePage> timeline(@Gated(audit = true) Caller caller,
                                                         @PathVariable("a") AgreementId agreementId,
                                                         @RequestParam(value = "after", required = false)
                                                         @WholeNumber String after,
                                                         @RequestParam(value = "limit", required = false)
                                                         @WholeNumber(min = 1, max = MAX_LIMIT) String limit,
                                                         @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        Long afterSequence = QueryValues.wholeNumber(after);
        Long pageSize = QueryValues.wholeNumber(limit);
        long from = afterSequence == null ? -1 : afterSequence;
        int size = pageSize == null ? DEFAULT_LIMIT : pageSize.intValue();
        long end = from > Long.MAX_VALUE - size ? Long.MAX_VALUE : from + size;
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(visible -> {
            List<AuditTimelineEntry> page = Pseudonyms.redact(chain.eventsUpTo(visible, end), from);
            return new AuditTimelinePage(page, chain.lastSequence(visible) > end ? end : null);
        });
    }

    @GetMapping("/{a}/verification")
    public CompletableFuture<Verification> verification(@Gated(audit = true) Caller caller,
                                                        @PathVariable("a") AgreementId agreementId,
                                                        @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(chain::verify);
    }

    /** The export without payloads: sequence, type, at, payload digest, links, hashes and checkpoints, still verifiable. */
    @GetMapping("/{a}/export")
    public CompletableFuture<ChainExport> export(@Gated(audit = true) Caller caller,
                                                 @PathVariable("a") AgreementId agreementId,
                                                 @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return reads.forAuditors(caller, agreementId, minVersion).thenApply(visible ->
                ChainExport.redacted(visible.agreementId().toString(), chain.chain(visible)));
    }
}
