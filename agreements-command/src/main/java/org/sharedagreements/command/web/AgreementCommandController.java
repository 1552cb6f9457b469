package org.sharedagreements.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharedagreements.command.CommandSide;
import org.sharedagreements.command.agreement.CallerRoles;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.sharedagreements.command.web.CommandRequests.DESCRIPTION_MAX;
import static org.sharedagreements.command.web.CommandRequests.NOTE_MAX;
import static org.sharedagreements.command.web.CommandRequests.TITLE_MAX;
import static org.sharedagreements.command.web.CommandRequests.agreementId;
import static org.sharedagreements.command.web.CommandRequests.expectedVersion;
import static org.sharedagreements.command.web.CommandRequests.pathUuid;

/**
 * Every command endpoint of the API contract. Ids of new boundaries, breaches and red flags are chosen here, so
 * the command carries them and a retried request can be recognised.
 */
@CommandSide
@RestController
@RequestMapping("/api/agreements")
@Tag(name = "commands", description = "Every step of an agreement, recorded as an immutable event")
public class AgreementCommandController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String IF_MATCH = "If-Match";

    private final CommandGateway commandGateway;

    public AgreementCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Operation(summary = "Draft an agreement; the caller is its first partner")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(consumes = JSON)
    public ResponseEntity<Map<String, Object>> draft(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Draft.class)))
            @RequestBody ContentBody body, Principal caller) {
        JsonFields fields = new JsonFields(body.json());
        String title = fields.requiredText("title", 1, TITLE_MAX);
        fields.throwIfInvalid();
        return answer(new DraftAgreement(AgreementId.random(), actor(caller), title, null));
    }

    @Operation(summary = "Invite a partner")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/invitations", consumes = JSON)
    public ResponseEntity<Map<String, Object>> invite(@PathVariable("a") String a, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Invitation.class)))
            @RequestBody ContentBody body,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      Principal caller) {
        AgreementId agreementId = agreementId(a);
        JsonFields fields = new JsonFields(body.json());
        String partner = fields.requiredText("partnerId", 1, PartnerId.MAX_LENGTH);
        fields.throwIfInvalid();
        PartnerId partnerId = PartnerId.of(partner);
        return answer(new InvitePartner(agreementId, actor(caller), partnerId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Join an agreement you were invited to")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/join")
    public ResponseEntity<Map<String, Object>> join(@PathVariable("a") String a,
                                                    @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                    Principal caller) {
        AgreementId agreementId = agreementId(a);
        return answer(new JoinAgreement(agreementId, actor(caller), expectedVersion(ifMatch)));
    }

    @Operation(summary = "Leave; the agreement ends for everyone")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/leave")
    public ResponseEntity<Map<String, Object>> leave(@PathVariable("a") String a,
                                                     @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                     Principal caller) {
        AgreementId agreementId = agreementId(a);
        return answer(new LeaveAgreement(agreementId, actor(caller), expectedVersion(ifMatch)));
    }

    @Operation(summary = "Erase the agreement's content (crypto-shredding)")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/erasure")
    public ResponseEntity<Map<String, Object>> erase(@PathVariable("a") String a,
                                                     @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                     Principal caller) {
        AgreementId agreementId = agreementId(a);
        return answer(new EraseAgreement(agreementId, actor(caller), expectedVersion(ifMatch)));
    }

    @Operation(summary = "Propose a boundary (counts as your acceptance of version 1)")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/boundaries", consumes = JSON)
    public ResponseEntity<Map<String, Object>> propose(@PathVariable("a") String a, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Terms.class)))
            @RequestBody ContentBody body,
                                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                       Principal caller) {
        AgreementId agreementId = agreementId(a);
        JsonFields fields = new JsonFields(body.json());
        BoundaryTerms terms = CommandRequests.terms(fields);
        fields.throwIfInvalid();
        BoundaryId boundaryId = BoundaryId.random();
        return answer(new ProposeBoundary(agreementId, actor(caller), boundaryId, terms, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Accept the pending version of a boundary")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/boundaries/{b}/acceptances", consumes = JSON)
    public ResponseEntity<Map<String, Object>> accept(@PathVariable("a") String a, @PathVariable("b") String b,
                                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Acceptance.class)))
            @RequestBody ContentBody body,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        JsonFields fields = new JsonFields(body.json());
        Integer version = fields.requiredInt("boundaryVersion", 1, Integer.MAX_VALUE);
        fields.throwIfInvalid();
        return answer(new AcceptBoundary(agreementId, actor(caller), boundaryId, version, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Decline the pending version")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/boundaries/{b}/declines", consumes = JSON)
    public ResponseEntity<Map<String, Object>> decline(@PathVariable("a") String a, @PathVariable("b") String b,
                                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Decline.class)))
            @RequestBody ContentBody body,
                                                       @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                       Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        JsonFields fields = new JsonFields(body.json());
        Integer version = fields.requiredInt("boundaryVersion", 1, Integer.MAX_VALUE);
        String reason = fields.optionalText("reason", NOTE_MAX);
        fields.throwIfInvalid();
        return answer(new DeclineBoundary(agreementId, actor(caller), boundaryId, version, reason,
                expectedVersion(ifMatch)));
    }

    @Operation(summary = "Withdraw the version you proposed")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/boundaries/{b}/withdrawal")
    public ResponseEntity<Map<String, Object>> withdrawProposal(@PathVariable("a") String a, @PathVariable("b") String b,
                                                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        return answer(new WithdrawBoundaryProposal(agreementId, actor(caller), boundaryId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Propose a revision of an active or suspended boundary")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/boundaries/{b}/revisions", consumes = JSON)
    public ResponseEntity<Map<String, Object>> revise(@PathVariable("a") String a, @PathVariable("b") String b,
                                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Terms.class)))
            @RequestBody ContentBody body,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        JsonFields fields = new JsonFields(body.json());
        BoundaryTerms terms = CommandRequests.terms(fields);
        fields.throwIfInvalid();
        return answer(new ReviseBoundary(agreementId, actor(caller), boundaryId, terms, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Withdraw consent to a boundary, at once")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/boundaries/{b}/consent-withdrawals")
    public ResponseEntity<Map<String, Object>> withdrawConsent(@PathVariable("a") String a, @PathVariable("b") String b,
                                                               @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Reason.class)))
            @RequestBody(required = false) ContentBody body,
                                                               @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                               Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        String reason = optionalBodyText(body, "reason", NOTE_MAX);
        return answer(new WithdrawConsent(agreementId, actor(caller), boundaryId, reason, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Reaffirm a suspended or due boundary")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/boundaries/{b}/reaffirmations")
    public ResponseEntity<Map<String, Object>> reaffirm(@PathVariable("a") String a, @PathVariable("b") String b,
                                                        @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                        Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        return answer(new ReaffirmBoundary(agreementId, actor(caller), boundaryId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Ask to retire a boundary")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/boundaries/{b}/retirements")
    public ResponseEntity<Map<String, Object>> retire(@PathVariable("a") String a, @PathVariable("b") String b,
                                                      @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                      Principal caller) {
        AgreementId agreementId = agreementId(a);
        BoundaryId boundaryId = new BoundaryId(pathUuid("boundaryId", b));
        return answer(new RetireBoundary(agreementId, actor(caller), boundaryId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Report (or self-disclose) a breach")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/breaches", consumes = JSON)
    public ResponseEntity<Map<String, Object>> reportBreach(@PathVariable("a") String a, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Breach.class)))
            @RequestBody ContentBody body,
                                                            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                            Principal caller) {
        AgreementId agreementId = agreementId(a);
        JsonFields fields = new JsonFields(body.json());
        UUID boundary = fields.requiredUuid("boundaryId");
        String breachedBy = fields.requiredText("breachedBy", 1, PartnerId.MAX_LENGTH);
        String description = fields.requiredText("description", 1, DESCRIPTION_MAX);
        Instant occurredAt = fields.requiredInstant("occurredAt");
        fields.throwIfInvalid();
        BreachId breachId = BreachId.random();
        return answer(new ReportBreach(agreementId, actor(caller), breachId, new BoundaryId(boundary),
                PartnerId.of(breachedBy), description, occurredAt, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Acknowledge a breach (by who broke the boundary)")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/breaches/{r}/acknowledgement")
    public ResponseEntity<Map<String, Object>> acknowledgeBreach(@PathVariable("a") String a, @PathVariable("r") String r,
                                                                 @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                 Principal caller) {
        AgreementId agreementId = agreementId(a);
        BreachId breachId = new BreachId(pathUuid("breachId", r));
        return answer(new AcknowledgeBreach(agreementId, actor(caller), breachId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Confirm a breach is resolved")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/breaches/{r}/resolutions")
    public ResponseEntity<Map<String, Object>> confirmResolution(@PathVariable("a") String a, @PathVariable("r") String r,
                                                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Note.class)))
            @RequestBody(required = false) ContentBody body,
                                                                 @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                 Principal caller) {
        AgreementId agreementId = agreementId(a);
        BreachId breachId = new BreachId(pathUuid("breachId", r));
        String note = optionalBodyText(body, "note", NOTE_MAX);
        return answer(new ConfirmBreachResolution(agreementId, actor(caller), breachId, note,
                expectedVersion(ifMatch)));
    }

    @Operation(summary = "Raise a red flag")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/red-flags", consumes = JSON)
    public ResponseEntity<Map<String, Object>> raiseRedFlag(@PathVariable("a") String a, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.RedFlag.class)))
            @RequestBody ContentBody body,
                                                            @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                            Principal caller) {
        AgreementId agreementId = agreementId(a);
        JsonFields fields = new JsonFields(body.json());
        RedFlagIndicator indicator = fields.requiredEnum("indicator", RedFlagIndicator.class);
        String note = fields.optionalText("note", NOTE_MAX);
        fields.throwIfInvalid();
        RedFlagId flagId = RedFlagId.random();
        return answer(new RaiseRedFlag(agreementId, actor(caller), flagId, indicator, note, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Mark a red flag addressed")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/red-flags/{f}/addressing")
    public ResponseEntity<Map<String, Object>> addressRedFlag(@PathVariable("a") String a, @PathVariable("f") String f,
                                                              @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Note.class)))
            @RequestBody(required = false) ContentBody body,
                                                              @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                              Principal caller) {
        AgreementId agreementId = agreementId(a);
        RedFlagId flagId = new RedFlagId(pathUuid("flagId", f));
        String note = optionalBodyText(body, "note", NOTE_MAX);
        return answer(new AddressRedFlag(agreementId, actor(caller), flagId, note, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Request counsellor access (counts as your approval)")
    @ApiResponse(responseCode = "201", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping(path = "/{a}/counsellors", consumes = JSON)
    public ResponseEntity<Map<String, Object>> requestCounsellor(@PathVariable("a") String a, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CommandBodies.Counsellor.class)))
            @RequestBody ContentBody body,
                                                                 @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                 Principal caller) {
        AgreementId agreementId = agreementId(a);
        JsonFields fields = new JsonFields(body.json());
        String counsellor = fields.requiredText("counsellorId", 1, CounsellorId.MAX_LENGTH);
        fields.throwIfInvalid();
        CounsellorId counsellorId = CounsellorId.of(counsellor);
        return answer(new RequestCounsellorAccess(agreementId, actor(caller), counsellorId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Approve counsellor access")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @PostMapping("/{a}/counsellors/{c}/approvals")
    public ResponseEntity<Map<String, Object>> approveCounsellor(@PathVariable("a") String a, @PathVariable("c") String c,
                                                                 @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                 Principal caller) {
        AgreementId agreementId = agreementId(a);
        CounsellorId counsellorId = CommandRequests.counsellorId(c);
        return answer(new ApproveCounsellorAccess(agreementId, actor(caller), counsellorId, expectedVersion(ifMatch)));
    }

    @Operation(summary = "Revoke counsellor access, at once")
    @ApiResponse(responseCode = "200", description = "Done",
            content = @Content(schema = @Schema(implementation = CommandBodies.Answer.class)))
    @DeleteMapping("/{a}/counsellors/{c}")
    public ResponseEntity<Map<String, Object>> revokeCounsellor(@PathVariable("a") String a, @PathVariable("c") String c,
                                                                @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
                                                                Principal caller) {
        AgreementId agreementId = agreementId(a);
        CounsellorId counsellorId = CommandRequests.counsellorId(c);
        return answer(new RevokeCounsellorAccess(agreementId, actor(caller), counsellorId, expectedVersion(ifMatch)));
    }

    /** Sends the command for the caller and answers what it did, as {@link CommandAnswer} renders it. */
    private ResponseEntity<Map<String, Object>> answer(AgreementCommand command) {
        Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CallerRoles.metaData(roles(currentCaller()))));
        return CommandAnswer.of(command, result).toResponseEntity();
    }

    private static Principal currentCaller() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    /** The caller's roles from the JWT {@code roles} claim (authorities {@code ROLE_<role>}). */
    private static List<String> roles(Principal caller) {
        if (!(caller instanceof Authentication authentication)) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .filter(role -> role.equals(CallerRoles.COUNSELLOR) || role.equals(CallerRoles.AUDITOR)
                        || role.equals(CallerRoles.OPERATOR))
                .sorted().toList();
    }

    private static PartnerId actor(Principal caller) {
        return CommandRequests.userId("sub", caller.getName());
    }

    /** A body that may be absent altogether, or a JSON object with one optional text field. */
    private static String optionalBodyText(ContentBody body, String field, int max) {
        JsonNode json = body == null ? null : body.json();
        if (json == null || json.isNull() || json.isMissingNode()) {
            return "";
        }
        JsonFields fields = new JsonFields(json);
        String value = fields.optionalText(field, max);
        fields.throwIfInvalid();
        return value;
    }
}
