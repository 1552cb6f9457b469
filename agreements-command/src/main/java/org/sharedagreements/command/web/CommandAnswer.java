package org.sharedagreements.command.web;

import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.CommandReceipt;
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
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer to a command that was carried out: 201 with {@code Location} for what the command creates, else 200;
 * the agreement's new version in the body and as {@code ETag}; the agreement's id and the id the command names.
 * The command endpoints answer with it, and the command's {@code Idempotency-Key} records it in the command's own
 * transaction, so a repeat gets exactly the answer the first request got, or would have got had it arrived.
 */
public record CommandAnswer(HttpStatus status, String location, long version, Map<String, Object> body) {

    /** Command answers are JSON; recorded with the answer so that a repeat says the same. */
    public static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE;

    public CommandAnswer {
        Objects.requireNonNull(status, "an answer has a status");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(body, "an answer has a body")));
    }

    /**
     * The answer to {@code command}, from what its handler returned: a receipt, or for a draft the new agreement's
     * id (the aggregate's creation handler returns its identifier; a drafted agreement is at version 0).
     */
    public static CommandAnswer of(AgreementCommand command, Object handlerResult) {
        Objects.requireNonNull(command, "the command answered");
        if (command instanceof DraftAgreement) {
            return new CommandAnswer(HttpStatus.CREATED, path(command), 0, body(command, CommandReceipt.at(0), Map.of()));
        }
        CommandReceipt receipt = (CommandReceipt) Objects.requireNonNull(handlerResult, "a command handler's receipt");
        if (command instanceof ProposeBoundary c) {
            return created(command, receipt, "boundaries", "boundaryId", c.boundaryId().toString());
        }
        if (command instanceof ReviseBoundary c) {
            return created(command, receipt, "boundaries", "boundaryId", c.boundaryId().toString());
        }
        if (command instanceof ReportBreach c) {
            return created(command, receipt, "breaches", "breachId", c.breachId().toString());
        }
        if (command instanceof RaiseRedFlag c) {
            return created(command, receipt, "red-flags", "flagId", c.flagId().toString());
        }
        if (command instanceof RequestCounsellorAccess c) {
            // the request has no resource of its own to point at: access exists once every partner approved
            return new CommandAnswer(HttpStatus.CREATED, null, receipt.version(),
                    body(command, receipt, Map.of("counsellorId", c.counsellorId().value())));
        }
        return new CommandAnswer(HttpStatus.OK, null, receipt.version(), body(command, receipt, namedId(command)));
    }

    /** The {@code ETag} of the agreement's version after the command. */
    public String eTag() {
        return "\"" + version + "\"";
    }

    public ResponseEntity<Map<String, Object>> toResponseEntity() {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag(eTag())
                .contentType(MediaType.parseMediaType(CONTENT_TYPE));
        if (location != null) {
            builder.header("Location", location);
        }
        return builder.body(body);
    }

    /** 201 for what the command created, at {@code <agreement>/<collection>/<id>}. */
    private static CommandAnswer created(AgreementCommand command, CommandReceipt receipt, String collection,
                                         String idName, String id) {
        return new CommandAnswer(HttpStatus.CREATED, path(command) + "/" + collection + "/" + id, receipt.version(),
                body(command, receipt, Map.of(idName, id)));
    }

    private static String path(AgreementCommand command) {
        return "/api/agreements/" + command.agreementId();
    }

    /** The id of what a command that creates nothing acts on, as the client named it. */
    private static Map<String, Object> namedId(AgreementCommand command) {
        if (command instanceof InvitePartner invitation) {
            return Map.of("partnerId", invitation.partnerId().value());
        }
        if (command instanceof AcceptBoundary c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof DeclineBoundary c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof WithdrawBoundaryProposal c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof WithdrawConsent c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof ReaffirmBoundary c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof RetireBoundary c) {
            return Map.of("boundaryId", c.boundaryId().toString());
        }
        if (command instanceof AcknowledgeBreach c) {
            return Map.of("breachId", c.breachId().toString());
        }
        if (command instanceof ConfirmBreachResolution c) {
            return Map.of("breachId", c.breachId().toString());
        }
        if (command instanceof AddressRedFlag c) {
            return Map.of("flagId", c.flagId().toString());
        }
        if (command instanceof ApproveCounsellorAccess c) {
            return Map.of("counsellorId", c.counsellorId().value());
        }
        if (command instanceof RevokeCounsellorAccess c) {
            return Map.of("counsellorId", c.counsellorId().value());
        }
        // joining, leaving and erasing act on the agreement itself
        return Map.of();
    }

    private static Map<String, Object> body(AgreementCommand command, CommandReceipt receipt, Map<String, Object> ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreementId", command.agreementId().toString());
        body.putAll(ids);
        if (receipt.boundaryVersion() != null) {
            body.put("boundaryVersion", receipt.boundaryVersion());
        }
        body.put("version", receipt.version());
        return body;
    }

    /** The body of an answer as the OpenAPI document describes it (also sent as {@code ETag: "<version>"}). */
    @Schema(name = "CommandAnswer", description = "also sent as ETag: \"<version>\"")
    public record Json(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID agreementId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "the sequence number of the agreement's last event") long version,
                       UUID boundaryId, Integer boundaryVersion, UUID breachId, UUID flagId, String counsellorId,
                       String partnerId) {
    }
}
