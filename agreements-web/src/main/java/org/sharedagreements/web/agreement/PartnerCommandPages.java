package org.sharedagreements.web.agreement;

import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.TextRules;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.DeclineBoundary;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.RetireBoundary;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawBoundaryProposal;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.breach.AcknowledgeBreach;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;
import org.sharedagreements.kernel.counsellor.ApproveCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RequestCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RevokeCounsellorAccess;
import org.sharedagreements.kernel.membership.EraseAgreement;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.sharedagreements.kernel.TextRules.DESCRIPTION_MAX;
import static org.sharedagreements.kernel.TextRules.NOTE_MAX;

/**
 * Every partner command of the API as a form post: the API's path under {@code /app}, its JSON field names as the
 * form's field names, the kernel command it sends built as {@code AgreementCommandController} builds it. What
 * happens then (the redirect to the page at the new version, or the page with the refusal) is
 * {@link AgreementPages#send}. The page sends no {@code If-Match}: a stale form is caught by the version it names
 * ({@code boundaryVersion}) or by the rule it would break.
 */
@QuerySide
@Controller
@RequestMapping("/app/agreements/{a}")
public class PartnerCommandPages {

    private static final String A = "a";
    private static final String AGREEMENT = "agreement";

    private final AgreementPages pages;

    public PartnerCommandPages(AgreementPages pages) {
        this.pages = pages;
    }

    // ---- membership ----------------------------------------------------------------------------------------

    @PostMapping("/invitations")
    public CompletableFuture<ModelAndView> invite(SignedInPerson person, @PathVariable(A) String a,
                                                  @RequestParam(value = "partnerId", required = false) String partnerId) {
        return pages.send(person, a, "partners", form -> new InvitePartner(form.agreementId(), form.actor(),
                PartnerId.of(FormValues.of("invite").userId("partnerId", partnerId)), null));
    }

    @PostMapping("/join")
    public CompletableFuture<ModelAndView> join(SignedInPerson person, @PathVariable(A) String a) {
        return pages.send(person, a, "partners", form -> new JoinAgreement(form.agreementId(), form.actor(), null));
    }

    @PostMapping("/leave")
    public CompletableFuture<ModelAndView> leave(SignedInPerson person, @PathVariable(A) String a) {
        return pages.send(person, a, AGREEMENT, form -> new LeaveAgreement(form.agreementId(), form.actor(), null));
    }

    /** Takes {@code confirmation}: the agreement's title, typed as the page shows it; anything else is 422. */
    @PostMapping("/erasure")
    public CompletableFuture<ModelAndView> erase(SignedInPerson person, @PathVariable(A) String a,
                                                 @RequestParam(value = "confirmation", required = false)
                                                 String confirmation) {
        return pages.send(person, a, AGREEMENT, form -> {
            String typed = confirmation == null ? "" : confirmation.strip();
            if (!typed.equals(form.view().erasureWord().strip())) {
                throw FormValues.of("erase").invalid("confirmation", "web.agreement.erase.mismatch");
            }
            return new EraseAgreement(form.agreementId(), form.actor(), null);
        });
    }

    // ---- boundaries ----------------------------------------------------------------------------------------

    @PostMapping("/boundaries")
    public CompletableFuture<ModelAndView> propose(SignedInPerson person, @PathVariable(A) String a,
                                                   @ModelAttribute TermsForm terms) {
        BoundaryId boundaryId = BoundaryId.random();
        return pages.send(person, a, boundary(boundaryId), form -> new ProposeBoundary(form.agreementId(),
                form.actor(), boundaryId, terms.terms(FormValues.of("propose")), null));
    }

    @PostMapping("/boundaries/{b}/acceptances")
    public CompletableFuture<ModelAndView> accept(SignedInPerson person, @PathVariable(A) String a,
                                                  @PathVariable("b") String b,
                                                  @RequestParam(value = "boundaryVersion", required = false)
                                                  String boundaryVersion) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new AcceptBoundary(form.agreementId(),
                form.actor(), boundaryId, FormValues.of("accept-" + b).boundaryVersion(boundaryVersion), null));
    }

    @PostMapping("/boundaries/{b}/declines")
    public CompletableFuture<ModelAndView> decline(SignedInPerson person, @PathVariable(A) String a,
                                                   @PathVariable("b") String b,
                                                   @RequestParam(value = "boundaryVersion", required = false)
                                                   String boundaryVersion,
                                                   @RequestParam(value = "reason", required = false) String reason) {
        BoundaryId boundaryId = Ids.boundary(b);
        FormValues values = FormValues.of("decline-" + b);
        return pages.send(person, a, boundary(boundaryId), form -> new DeclineBoundary(form.agreementId(),
                form.actor(), boundaryId, values.boundaryVersion(boundaryVersion),
                values.privateText("reason", reason, 0, NOTE_MAX), null));
    }

    @PostMapping("/boundaries/{b}/withdrawal")
    public CompletableFuture<ModelAndView> withdrawProposal(SignedInPerson person, @PathVariable(A) String a,
                                                            @PathVariable("b") String b) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new WithdrawBoundaryProposal(form.agreementId(),
                form.actor(), boundaryId, null));
    }

    @PostMapping("/boundaries/{b}/revisions")
    public CompletableFuture<ModelAndView> revise(SignedInPerson person, @PathVariable(A) String a,
                                                  @PathVariable("b") String b, @ModelAttribute TermsForm terms) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new ReviseBoundary(form.agreementId(),
                form.actor(), boundaryId, terms.terms(FormValues.of("revise-" + b)), null));
    }

    /** One button, at once; {@code reason} is optional. */
    @PostMapping("/boundaries/{b}/consent-withdrawals")
    public CompletableFuture<ModelAndView> withdrawConsent(SignedInPerson person, @PathVariable(A) String a,
                                                           @PathVariable("b") String b,
                                                           @RequestParam(value = "reason", required = false)
                                                           String reason) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new WithdrawConsent(form.agreementId(),
                form.actor(), boundaryId, FormValues.of("consent-" + b).privateText("reason", reason, 0, NOTE_MAX),
                null));
    }

    @PostMapping("/boundaries/{b}/reaffirmations")
    public CompletableFuture<ModelAndView> reaffirm(SignedInPerson person, @PathVariable(A) String a,
                                                    @PathVariable("b") String b) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new ReaffirmBoundary(form.agreementId(),
                form.actor(), boundaryId, null));
    }

    @PostMapping("/boundaries/{b}/retirements")
    public CompletableFuture<ModelAndView> retire(SignedInPerson person, @PathVariable(A) String a,
                                                  @PathVariable("b") String b) {
        BoundaryId boundaryId = Ids.boundary(b);
        return pages.send(person, a, boundary(boundaryId), form -> new RetireBoundary(form.agreementId(),
                form.actor(), boundaryId, null));
    }

    // ---- breaches ------------------------------------------------------------------------------------------

    /**
     * {@code breachedBy} is {@code me} (a self-disclosure) or {@code partner} (the one other partner who joined;
     * with more than one, their user id, as the API takes it).
     */
    @PostMapping("/breaches")
    public CompletableFuture<ModelAndView> reportBreach(SignedInPerson person, @PathVariable(A) String a,
                                                        @RequestParam(value = "boundaryId", required = false)
                                                        String boundaryId,
                                                        @RequestParam(value = "breachedBy", required = false)
                                                        String breachedBy,
                                                        @RequestParam(value = "description", required = false)
                                                        String description,
                                                        @RequestParam(value = "occurredAt", required = false)
                                                        String occurredAt) {
        BreachId breachId = BreachId.random();
        FormValues values = FormValues.of("breach");
        return pages.send(person, a, "breach-" + breachId, form -> {
            BoundaryId broken;
            try {
                broken = BoundaryId.of(boundaryId);
            } catch (RuntimeException notAnId) {
                throw values.invalid("boundaryId", "web.agreement.invalid.boundaryId");
            }
            return new ReportBreach(form.agreementId(), form.actor(), breachId, broken,
                    breacher(values, form, breachedBy),
                    values.privateText("description", description, 1, DESCRIPTION_MAX),
                    values.occurredAt(occurredAt), null);
        });
    }

    private static PartnerId breacher(FormValues values, AgreementPages.Form form, String breachedBy) {
        if ("me".equals(breachedBy)) {
            return form.actor();
        }
        if ("partner".equals(breachedBy)) {
            List<String> others = form.view().others();
            if (others.size() != 1) {
                throw values.invalid("breachedBy", "web.agreement.invalid.breachedBy");
            }
            return PartnerId.of(others.get(0));
        }
        if (breachedBy != null && TextRules.problem(breachedBy, 1, TextRules.USER_ID_MAX) == null) {
            return PartnerId.of(breachedBy);
        }
        throw values.invalid("breachedBy", "web.agreement.invalid.breachedBy");
    }

    @PostMapping("/breaches/{r}/acknowledgement")
    public CompletableFuture<ModelAndView> acknowledgeBreach(SignedInPerson person, @PathVariable(A) String a,
                                                             @PathVariable("r") String r) {
        BreachId breachId = Ids.breach(r);
        return pages.send(person, a, "breach-" + breachId, form -> new AcknowledgeBreach(form.agreementId(),
                form.actor(), breachId, null));
    }

    @PostMapping("/breaches/{r}/resolutions")
    public CompletableFuture<ModelAndView> confirmResolution(SignedInPerson person, @PathVariable(A) String a,
                                                             @PathVariable("r") String r,
                                                             @RequestParam(value = "note", required = false)
                                                             String note) {
        BreachId breachId = Ids.breach(r);
        return pages.send(person, a, "breach-" + breachId, form -> new ConfirmBreachResolution(form.agreementId(),
                form.actor(), breachId, FormValues.of("resolve-" + r).privateText("note", note, 0, NOTE_MAX),
                null));
    }

    // ---- red flags -----------------------------------------------------------------------------------------

    @PostMapping("/red-flags")
    public CompletableFuture<ModelAndView> raiseRedFlag(SignedInPerson person, @PathVariable(A) String a,
                                                        @RequestParam(value = "indicator", required = false)
                                                        String indicator,
                                                        @RequestParam(value = "note", required = false) String note) {
        RedFlagId flagId = RedFlagId.random();
        FormValues values = FormValues.of("red-flag");
        return pages.send(person, a, "red-flag-" + flagId, form -> new RaiseRedFlag(form.agreementId(),
                form.actor(), flagId, values.indicator(indicator), values.privateText("note", note, 0, NOTE_MAX),
                null));
    }

    @PostMapping("/red-flags/{f}/addressing")
    public CompletableFuture<ModelAndView> addressRedFlag(SignedInPerson person, @PathVariable(A) String a,
                                                          @PathVariable("f") String f,
                                                          @RequestParam(value = "note", required = false) String note) {
        RedFlagId flagId = Ids.redFlag(f);
        return pages.send(person, a, "red-flag-" + flagId, form -> new AddressRedFlag(form.agreementId(),
                form.actor(), flagId, FormValues.of("address-" + f).privateText("note", note, 0, NOTE_MAX), null));
    }

    // ---- counsellors ---------------------------------------------------------------------------------------

    @PostMapping("/counsellors")
    public CompletableFuture<ModelAndView> requestCounsellor(SignedInPerson person, @PathVariable(A) String a,
                                                             @RequestParam(value = "counsellorId", required = false)
                                                             String counsellorId) {
        return pages.send(person, a, "counsellors", form -> new RequestCounsellorAccess(form.agreementId(),
                form.actor(), CounsellorId.of(FormValues.of("counsellor").userId("counsellorId", counsellorId)),
                null));
    }

    @PostMapping("/counsellors/{c}/approvals")
    public CompletableFuture<ModelAndView> approveCounsellor(SignedInPerson person, @PathVariable(A) String a,
                                                             @PathVariable("c") String c) {
        CounsellorId counsellorId = Ids.counsellor(c);
        return pages.send(person, a, "counsellors", form -> new ApproveCounsellorAccess(form.agreementId(),
                form.actor(), counsellorId, null));
    }

    /** The API's {@code DELETE /api/agreements/{a}/counsellors/{c}}, as a form can send it. */
    @PostMapping("/counsellors/{c}/revocation")
    public CompletableFuture<ModelAndView> revokeCounsellor(SignedInPerson person, @PathVariable(A) String a,
                                                            @PathVariable("c") String c) {
        CounsellorId counsellorId = Ids.counsellor(c);
        return pages.send(person, a, "counsellors", form -> new RevokeCounsellorAccess(form.agreementId(),
                form.actor(), counsellorId, null));
    }

    private static String boundary(BoundaryId boundaryId) {
        return "boundary-" + boundaryId;
    }
}
