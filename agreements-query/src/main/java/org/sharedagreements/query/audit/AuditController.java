package org.sharedagreements.query.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.integrity.ChainExport;
import org.sharedagreements.query.integrity.ChainHead;
import org.sharedagreements.query.integrity.EventChainStore;
import org.sharedagreements.query.integrity.Verification;
import org.sharedagreements.query.web.QueryParameters;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The auditor's endpoints: {@code GET /api/audit/agreements} (every agreement's chain head),
 * {@code .../{a}/timeline} (redacted, paged like the timeline), {@code .../{a}/verification} and
 * {@code .../{a}/export} (without payloads). All of it comes from the event store's structure and hashes, never
 * from content or read models that hold content.
 */
@RestController
@RequestMapping("/api/audit/agreements")
public class AuditController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_LIST_LIMIT = 10_000;

    private final EventChainStore chain;
    private final AuditGate gate;

    AuditController(EventChainStore chain, AuditGate gate) {
        this.chain = chain;
        this.gate = gate;
    }

    /**
     * Every agreement's chain head, ordered by agreement id. Optional {@code after} (an agreement id) and
     * {@code limit} page through them; as on the other listings, {@code minVersion} needs {@code agreementId}.
     */
    @GetMapping
    public List<ChainHead> agreements(@RequestParam(value = "after", required = false) String after,
                                      @RequestParam(value = "limit", required = false) String limit,
                                      @RequestParam(value = "minVersion", required = false) String minVersion,
                                      @RequestParam(value = "agreementId", required = false) String agreementId,
                                      Authentication authentication) {
        gate.requireAuditorForListing(authentication);
        QueryParameters parameters = new QueryParameters();
        AgreementId from = after == null ? null : parameters.agreementId("after", after);
        Long size = parameters.wholeNumber("limit", limit, 1, MAX_LIST_LIMIT);
        Long version = parameters.minVersion(minVersion);
        AgreementId awaited = agreementId == null ? null : parameters.agreementId("agreementId", agreementId);
        if (minVersion != null && agreementId == null) {
            parameters.reject("agreementId", "is required with minVersion: the agreement whose version to wait for");
        }
        parameters.throwIfInvalid();
        if (awaited != null) {
            gate.awaitForListing(awaited, version);
        }
        return chain.heads(from == null ? null : from.toString(), size == null ? Integer.MAX_VALUE : size.intValue());
    }

    /** Up to {@code limit} redacted events after sequence {@code after} (from the first when absent). */
    @GetMapping("/{a}/timeline")
    public AuditTimelinePage timeline(@PathVariable("a") String a,
                                      @RequestParam(value = "after", required = false) String after,
                                      @RequestParam(value = "limit", required = false) String limit,
                                      @RequestParam(value = "minVersion", required = false) String minVersion,
                                      Authentication authentication) {
        gate.requireAuditor(authentication);
        QueryParameters parameters = new QueryParameters();
        AgreementId agreementId = parameters.agreementId("agreementId", a);
        Long afterSequence = parameters.wholeNumber("after", after, 0, Long.MAX_VALUE);
        Long pageSize = parameters.wholeNumber("limit", limit, 1, MAX_LIMIT);
        Long version = parameters.minVersion(minVersion);
        parameters.throwIfInvalid();
        long last = gate.require(agreementId, version);

        long from = afterSequence == null ? -1 : afterSequence;
        int size = pageSize == null ? DEFAULT_LIMIT : pageSize.intValue();
        long end = from > Long.MAX_VALUE - size ? Long.MAX_VALUE : from + size;
        List<AuditTimelineEntry> page = Pseudonyms.redact(chain.eventsUpTo(agreementId.toString(), end), from);
        return new AuditTimelinePage(page, last > end ? end : null);
    }

    @GetMapping("/{a}/verification")
    public Verification verification(@PathVariable("a") String a,
                                     @RequestParam(value = "minVersion", required = false) String minVersion,
                                     Authentication authentication) {
        AgreementId agreementId = existing(a, minVersion, authentication);
        return chain.verify(agreementId.toString());
    }

    /** The export without payloads: sequence, type, at, payload digest, links and hashes, still verifiable. */
    @GetMapping("/{a}/export")
    public ChainExport export(@PathVariable("a") String a,
                              @RequestParam(value = "minVersion", required = false) String minVersion,
                              Authentication authentication) {
        AgreementId agreementId = existing(a, minVersion, authentication);
        return ChainExport.redacted(agreementId.toString(), chain.events(agreementId.toString()));
    }

    private AgreementId existing(String a, String minVersion, Authentication authentication) {
        gate.requireAuditor(authentication);
        QueryParameters parameters = new QueryParameters();
        AgreementId agreementId = parameters.agreementId("agreementId", a);
        Long version = parameters.minVersion(minVersion);
        parameters.throwIfInvalid();
        gate.require(agreementId, version);
        return agreementId;
    }
}
