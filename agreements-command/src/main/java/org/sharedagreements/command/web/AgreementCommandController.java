package org.sharedagreements.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.agreement.CallerRoles;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.InvalidValue;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.TextRules;
import org.sharedagreements.kernel.access.Role;
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
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.membership.EraseAgreement;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Every command endpoint of the API contract. Bodies are request records (validated, every invalid field reported
 * at once), path ids are read by the kernel's id types, {@code If-Match} by {@link ExpectedVersion}. Ids of new
 * boundaries, breaches and red flags are chosen here, so the command carries them and a retried request can be
 * recognised.
 */
@CommandSide
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "commands", description = "Every step of an agreement, recorded as an immutable event")
public class AgreementCommandController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CREATED = "201";

    private final CommandGateway commandGateway;

    public AgreementCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Operation(summary = "Draft an agreement; the caller is its first partner")
    @ApiResponse(responseCode = CREATED, description = "Drafted")
    @PostMapping(consumes = JSON)
    public ResponseEntity<Map<String, Object>> draft(@Valid @RequestBody DraftAgreementRequest body) {
        return answer(new DraftAgreement(AgreementId.random(), actor(), PrivateText.of(body.title()), null));
    }

    @Operation(summary = "Invite a partner")
    @PostMapping(path = "/{a}/invitations", consumes = JSON)
    public ResponseEntity<Map<String, Object>> invite(@PathVariable("a") AgreementId agreementId,
                                                      @Valid @RequestBody InvitationRequest body,
                                                      ExpectedVersion expected) {
        return answer(new InvitePartner(agreementId, actor(), PartnerId.of(body.partnerId()), expected.value()));
    }

    @Operation(summary = "Join an agreement you were invited to")
    @PostMapping("/{a}/join")
    public ResponseEntity<Map<String, Object>> join(@PathVariable("a") AgreementId agreementId,
                                                    ExpectedVersion expected) {
        return answer(new JoinAgreement(agreementId, actor(), expected.value()));
    }

    @Operation(summary = "Leave; the agreement ends for everyone")
    @PostMapping("/{a}/leave")
    public ResponseEntity<Map<String, Object>> leave(@PathVariable("a") AgreementId agreementId,
                                                     ExpectedVersion expected) {
        return answer(new LeaveAgreement(agreementId, actor(), expected.value()));
    }

    @Operation(summary = "Erase the agreement's content (crypto-shredding)")
    @PostMapping("/{a}/erasure")
    public ResponseEntity<Map<String, Object>> erase(@PathVariable("a") AgreementId agreementId,
                                                     ExpectedVersion expected) {
        return answer(new EraseAgreement(agreementId, actor(), expected.value()));
    }

    @Operation(summary = "Propose a boundary (counts as your acceptance of version 1)")
    @ApiResponse(responseCode = CREATED, description = "Proposed")
    @PostMapping(path = "/{a}/boundaries", consumes = JSON)
    public ResponseEntity<Map<String, Object>> propose(@PathVariable("a") AgreementId agreementId,
                                                       @Valid @RequestBody BoundaryTermsRequest body,
                                                       ExpectedVersion expected) {
        return answer(new ProposeBoundary(agreementId, actor(), BoundaryId.random(), body.terms(), expected.value()));
    }

    @Operation(summary = "Accept the pending version of a boundary")
    @PostMapping(path = "/{a}/boundaries/{b}/acceptances", consumes = JSON)
    public ResponseEntity<Map<String, Object>> accept(@PathVariable("a") AgreementId agreementId,
                                                      @PathVariable("b") BoundaryId boundaryId,
                                                      @Valid @RequestBody AcceptanceRequest body,
                                                      ExpectedVersion expected) {
        return answer(new AcceptBoundary(agreementId, actor(), boundaryId, body.boundaryVersion(), expected.value()));
    }

    @Operation(summary = "Decline the pending version")
    @PostMapping(path = "/{a}/boundaries/{b}/declines", consumes = JSON)
    public ResponseEntity<Map<String, Object>> decline(@PathVariable("a") AgreementId agreementId,
                                                       @PathVariable("b") BoundaryId boundaryId,
                                                       @Valid @RequestBody DeclineRequest body,
                                                       ExpectedVersion expected) {
        return answer(new DeclineBoundary(agreementId, actor(), boundaryId, body.boundaryVersion(),
                PrivateText.of(body.reason()), expected.value()));
    }

    @Operation(summary = "Withdraw the version you proposed")
    @PostMapping("/{a}/boundaries/{b}/withdrawal")
    public ResponseEntity<Map<String, Object>> withdrawProposal(@PathVariable("a") AgreementId agreementId,
                                                                @PathVariable("b") BoundaryId boundaryId,
                                                                ExpectedVersion expected) {
        return answer(new WithdrawBoundaryProposal(agreementId, actor(), boundaryId, expected.value()));
    }

    @Operation(summary = "Propose a revision of an active or suspended boundary")
    @ApiResponse(responseCode = CREATED, description = "Proposed")
    @PostMapping(path = "/{a}/boundaries/{b}/revisions", consumes = JSON)
    public ResponseEntity<Map<String, Object>> revise(@PathVariable("a") AgreementId agreementId,
                                                      @PathVariable("b") BoundaryId boundaryId,
                                                      @Valid @RequestBody BoundaryTermsRequest body,
                                                      ExpectedVersion expected) {
        return answer(new ReviseBoundary(agreementId, actor(), boundaryId, body.terms(), expected.value()));
    }

    @Operation(summary = "Withdraw consent to a boundary, at once")
    @PostMapping(path = "/{a}/boundaries/{b}/consent-withdrawals")
    public ResponseEntity<Map<String, Object>> withdrawConsent(@PathVariable("a") AgreementId agreementId,
                                                               @PathVariable("b") BoundaryId boundaryId,
                                                               @Valid @RequestBody(required = false) ReasonRequest body,
                                                               ExpectedVersion expected) {
        PrivateText reason = PrivateText.of((body == null ? ReasonRequest.NONE : body).reason());
        return answer(new WithdrawConsent(agreementId, actor(), boundaryId, reason, expected.value()));
    }

    @Operation(summary = "Reaffirm a suspended or due boundary")
    @PostMapping("/{a}/boundaries/{b}/reaffirmations")
    public ResponseEntity<Map<String, Object>> reaffirm(@PathVariable("a") AgreementId agreementId,
                                                        @PathVariable("b") BoundaryId boundaryId,
                                                        ExpectedVersion expected) {
        return answer(new ReaffirmBoundary(agreementId, actor(), boundaryId, expected.value()));
    }

    @Operation(summary = "Ask to retire a boundary")
    @PostMapping("/{a}/boundaries/{b}/retirements")
    public ResponseEntity<Map<String, Object>> retire(@PathVariable("a") AgreementId agreementId,
                                                      @PathVariable("b") BoundaryId boundaryId,
                                                      ExpectedVersion expected) {
        return answer(new RetireBoundary(agreementId, actor(), boundaryId, expected.value()));
    }

    @Operation(summary = "Report (or self-disclose) a breach")
    @ApiResponse(responseCode = CREATED, description = "Reported")
    @PostMapping(path = "/{a}/breaches", consumes = JSON)
    public ResponseEntity<Map<String, Object>> reportBreach(@PathVariable("a") AgreementId agreementId,
                                                            @Valid @RequestBody BreachReportRequest body,
                                                            ExpectedVersion expected) {
        return answer(new ReportBreach(agreementId, actor(), BreachId.random(), new BoundaryId(body.boundaryId()),
                PartnerId.of(body.breachedBy()), PrivateText.of(body.description()), body.occurredAt(),
                expected.value()));
    }

    @Operation(summary = "Acknowledge a breach (by who broke the boundary)")
    @PostMapping("/{a}/breaches/{r}/acknowledgement")
    public ResponseEntity<Map<String, Object>> acknowledgeBreach(@PathVariable("a") AgreementId agreementId,
                                                                 @PathVariable("r") BreachId breachId,
                                                                 ExpectedVersion expected) {
        return answer(new AcknowledgeBreach(agreementId, actor(), breachId, expected.value()));
    }

    @Operation(summary = "Confirm a breach is resolved")
    @PostMapping("/{a}/breaches/{r}/resolutions")
    public ResponseEntity<Map<String, Object>> confirmResolution(@PathVariable("a") AgreementId agreementId,
                                                                 @PathVariable("r") BreachId breachId,
                                                                 @Valid @RequestBody(required = false) NoteRequest body,
                                                                 ExpectedVersion expected) {
        return answer(new ConfirmBreachResolution(agreementId, actor(), breachId, note(body), expected.value()));
    }

    @Operation(summary = "Raise a red flag")
    @ApiResponse(responseCode = CREATED, description = "Raised")
    @PostMapping(path = "/{a}/red-flags", consumes = JSON)
    public ResponseEntity<Map<String, Object>> raiseRedFlag(@PathVariable("a") AgreementId agreementId,
                                                            @Valid @RequestBody RedFlagRequest body,
                                                            ExpectedVersion expected) {
        return answer(new RaiseRedFlag(agreementId, actor(), RedFlagId.random(), body.indicator(),
                PrivateText.of(body.note()), expected.value()));
    }

    @Operation(summary = "Mark a red flag addressed")
    @PostMapping("/{a}/red-flags/{f}/addressing")
    public ResponseEntity<Map<String, Object>> addressRedFlag(@PathVariable("a") AgreementId agreementId,
                                                              @PathVariable("f") RedFlagId flagId,
                                                              @Valid @RequestBody(required = false) NoteRequest body,
                                                              ExpectedVersion expected) {
        return answer(new AddressRedFlag(agreementId, actor(), flagId, note(body), expected.value()));
    }

    @Operation(summary = "Request counsellor access (counts as your approval)")
    @ApiResponse(responseCode = CREATED, description = "Requested")
    @PostMapping(path = "/{a}/counsellors", consumes = JSON)
    public ResponseEntity<Map<String, Object>> requestCounsellor(@PathVariable("a") AgreementId agreementId,
                                                                 @Valid @RequestBody CounsellorRequest body,
                                                                 ExpectedVersion expected) {
        return answer(new RequestCounsellorAccess(agreementId, actor(), CounsellorId.of(body.counsellorId()),
                expected.value()));
    }

    @Operation(summary = "Approve counsellor access")
    @PostMapping("/{a}/counsellors/{c}/approvals")
    public ResponseEntity<Map<String, Object>> approveCounsellor(@PathVariable("a") AgreementId agreementId,
                                                                 @PathVariable("c") String counsellorId,
                                                                 ExpectedVersion expected) {
        return answer(new ApproveCounsellorAccess(agreementId, actor(), counsellor(counsellorId), expected.value()));
    }

    @Operation(summary = "Revoke counsellor access, at once")
    @DeleteMapping("/{a}/counsellors/{c}")
    public ResponseEntity<Map<String, Object>> revokeCounsellor(@PathVariable("a") AgreementId agreementId,
                                                                @PathVariable("c") String counsellorId,
                                                                ExpectedVersion expected) {
        return answer(new RevokeCounsellorAccess(agreementId, actor(), counsellor(counsellorId), expected.value()));
    }

    /** Sends the command for the caller and answers what it did, as {@link CommandAnswer} renders it. */
    private ResponseEntity<Map<String, Object>> answer(AgreementCommand command) {
        Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CallerRoles.metaData(roles())));
        return CommandAnswer.of(command, result).toResponseEntity();
    }

    /** The caller's roles (claim values, in order), from the authorities the JWT's {@code roles} claim became. */
    private static List<String> roles() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return List.of();
        }
        return Role.fromAuthorities(caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .stream().map(Role::claim).sorted().toList();
    }

    /** The caller as the partner acting: the token's {@code sub}, which must be a user id of the contract. */
    private static PartnerId actor() {
        return PartnerId.of(userId("sub", SecurityContextHolder.getContext().getAuthentication().getName()));
    }

    private static CounsellorId counsellor(String counsellorId) {
        return CounsellorId.of(userId("counsellorId", counsellorId));
    }

    private static String userId(String field, String value) {
        String problem = value == null ? RequestMessages.REQUIRED
                : TextRules.problem(value, 1, TextRules.USER_ID_MAX);
        if (problem != null) {
            throw new InvalidValue(field, problem);
        }
        return value;
    }

    private static PrivateText note(NoteRequest body) {
        return PrivateText.of((body == null ? NoteRequest.NONE : body).note());
    }
}
