package org.sharedagreements.query.agreement;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.web.IsoInstant;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.query.web.WholeNumber;
import org.sharedagreements.query.web.QueryProblems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/agreements} (the caller's agreements) and {@code GET /api/agreements/{a}} (one agreement's
 * state, now from the read model or, with {@code asOf}, folded from its events up to that instant).
 */
@QuerySide
@RestController
@RequestMapping("/api/agreements")
public record AgreementQueryController(AgreementStateRepository states, AgreementAsOf asOf, AgreementGate gate,
                                       AgreementReads reads) {

    /**
     * The agreements the caller joined (or joined and left) and, with the counsellor role, those granted to them.
     * There is no agreement in the path, so {@code minVersion} needs {@code agreementId}: the agreement whose event
     * the list must reflect.
     */
    @GetMapping
    public CompletableFuture<List<AgreementSummary>> list(
            Caller caller,
            @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
            @RequestParam(value = "agreementId", required = false) AgreementId agreementId) {
        return reads.listing(caller, Audience.PARTNERS, agreementId, minVersion)
                .thenApply(ready -> states.summaries(gate.agreementsOf(caller)));
    }

    /**
     * The current state is answered with the stored document as it is (a {@code json} column holding what the
     * projection serialized), without reading it into objects and writing it out again: for a long agreement
     * that round trip was most of the request's time and allocation. The as-of state is folded and serialized.
     */
    @GetMapping("/{a}")
    @ApiResponse(responseCode = "200", description = "The agreement's state, now or as of the given instant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AgreementState.class)))
    public CompletableFuture<ResponseEntity<?>> agreement(Caller caller,
                                                          @PathVariable("a") AgreementId agreementId,
                                    @RequestParam(value = "asOf", required = false) @IsoInstant String asOfParameter,
                                    @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        Instant instant = QueryValues.instant(asOfParameter);
        return reads.forPartners(caller, agreementId, minVersion).thenApply(visible -> {
            if (instant != null) {
                return ResponseEntity.ok(asOf.at(visible, instant)
                        .orElseThrow(() -> QueryProblems.notFound("agreement at that time")));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(states.document(visible).orElseThrow(() -> QueryProblems.notFound("agreement")));
        });
    }
}
