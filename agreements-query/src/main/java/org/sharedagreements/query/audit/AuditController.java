package org.sharedagreements.query.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.integrity.ChainExport;
import org.sharedagreements.query.integrity.ChainHead;
import org.sharedagreements.query.integrity.Verification;
import org.sharedagreements.kernel.access.Scope;
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
import java.util.concurrent.CompletableFuture;

/**
 * The auditor's endpoints: {@code GET /api/audit/agreements} (every agreement's chain head),
 * {@code .../{a}/timeline} (redacted, paged like the timeline), {@code .../{a}/verification} and
 * {@code .../{a}/export} (without payloads), read through {@link AuditReads}, which the auditor's pages call too.
 * All of it comes from the event store's structure and hashes, never from content or read models that hold content.
 */
@QuerySide
@RestController
@RequestMapping("/api/audit/agreements")
public class AuditController {

    private final AuditReads audits;

    AuditController(AuditReads audits) {
        this.audits = audits;
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
                                                         @WholeNumber(min = 1, max = AuditReads.MAX_LIST_LIMIT) String limit,
                                                         @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
                                                         @RequestParam(value = "agreementId", required = false) AgreementId agreementId) {
        return audits.heads(caller, from, QueryValues.wholeNumber(limit), agreementId, minVersion);
    }

    /** Up to {@code limit} redacted events after sequence {@code after} (from the first when absent). */
    @GetMapping("/{a}/timeline")
    public CompletableFuture<AuditTimelinePage> timeline(@Gated(audit = true) Caller caller,
                                                         @PathVariable("a") AgreementId agreementId,
                                                         @RequestParam(value = "after", required = false)
                                                         @WholeNumber String after,
                                                         @RequestParam(value = "limit", required = false)
                                                         @WholeNumber(min = 1, max = AuditReads.MAX_LIMIT) String limit,
                                                         @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return audits.timeline(caller, agreementId, QueryValues.wholeNumber(after), QueryValues.wholeNumber(limit),
                minVersion);
    }

    @GetMapping("/{a}/verification")
    public CompletableFuture<Verification> verification(@Gated(audit = true) Caller caller,
                                                        @PathVariable("a") AgreementId agreementId,
                                                        @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return audits.verification(caller, agreementId, minVersion);
    }

    /** The export without payloads: sequence, type, at, payload digest, links, hashes and checkpoints, still verifiable. */
    @GetMapping("/{a}/export")
    public CompletableFuture<ChainExport> export(@Gated(audit = true) Caller caller,
                                                 @PathVariable("a") AgreementId agreementId,
                                                 @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return audits.export(caller, agreementId, minVersion);
    }
}
