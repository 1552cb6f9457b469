package org.sharedagreements.web.audit;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.audit.AuditReads;
import org.sharedagreements.query.integrity.ChainExport;
import org.sharedagreements.query.integrity.PublishedCheckpointKey;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The auditor's pages, read through {@link AuditReads} as {@code /api/audit/agreements} reads: the listing (403
 * to anyone but an auditor), one agreement's redacted timeline with its verification and checkpoints, and its
 * redacted export as a download (404 to anyone but an auditor, as for an agreement that does not exist).
 */
@QuerySide
@Controller
public class AuditPages {

    /** Agreements on one page of the listing. */
    static final int LIST_PAGE = 50;
    /** Events on one page of a timeline, unless {@code limit} says otherwise. */
    static final int TIMELINE_PAGE = AuditReads.DEFAULT_LIMIT;

    private final AuditReads audits;
    private final PublishedCheckpointKey checkpointKey;

    public AuditPages(AuditReads audits, PublishedCheckpointKey checkpointKey) {
        this.audits = audits;
        this.checkpointKey = checkpointKey;
    }

    @GetMapping("/app/audit")
    public CompletableFuture<ModelAndView> list(SignedInPerson person,
                                                @RequestParam(value = "after", required = false) AgreementId after) {
        return audits.headsPage(person.caller(), after, LIST_PAGE).thenApply(heads -> {
            ModelAndView page = new ModelAndView("staff/audit-list");
            page.addObject("heads", heads.heads());
            page.addObject("nextAfter", heads.nextAfter());
            page.addObject("paged", after != null);
            return page;
        });
    }

    @GetMapping("/app/audit/{a}")
    public CompletableFuture<ModelAndView> agreement(SignedInPerson person, @PathVariable("a") AgreementId agreementId,
                                                     @RequestParam(value = "after", required = false) String afterValue,
                                                     @RequestParam(value = "limit", required = false) String limitValue) {
        String after = afterValue == null || afterValue.isBlank() ? null : afterValue;
        String limit = limitValue == null || limitValue.isBlank() ? null : limitValue;
        boolean invalid = QueryValues.wholeNumberProblem(after, 0, Long.MAX_VALUE) != null
                || QueryValues.wholeNumberProblem(limit, 1, AuditReads.MAX_LIMIT) != null;
        // the gate answers first (404 to anyone but an auditor), then the paging values are judged
        Long from = invalid ? null : QueryValues.wholeNumber(after);
        Long size = invalid || limit == null ? TIMELINE_PAGE : QueryValues.wholeNumber(limit);
        return audits.record(person.caller(), agreementId, from, size).thenApply(record -> {
            ModelAndView page = new ModelAndView("staff/audit-agreement",
                    invalid ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK);
            page.addObject("agreementId", agreementId.toString());
            page.addObject("timeline", record.timeline());
            page.addObject("verification", record.chain().verification());
            page.addObject("checkpoints", record.chain().checkpoints());
            page.addObject("key", checkpointKey.key());
            page.addObject("paged", from != null);
            page.addObject("limit", limit == null || invalid ? null : size);
            page.addObject("problem", invalid ? "web.staff.audit.paging.invalid" : null);
            return page;
        });
    }

    /**
     * The redacted export as a file to keep, never cached (it names an agreement). Answered in the request's own
     * thread: without {@code minVersion} the gate answers at once, and only a response completed in its first
     * dispatch carries this {@code Cache-Control} alone (Spring Security writes its own default when an async
     * request's first dispatch ends).
     */
    @GetMapping("/app/audit/{a}/export")
    public ResponseEntity<ChainExport> export(SignedInPerson person, @PathVariable("a") AgreementId agreementId) {
        ChainExport export;
        try {
            export = audits.export(person.caller(), agreementId, null).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException problem) {
                throw problem;
            }
            throw e;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("agreement-" + agreementId + "-audit-export.json").build().toString())
                .body(export);
    }
}
