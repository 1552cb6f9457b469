package org.sharedagreements.query.integrity;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/agreements/{a}/verification} and {@code GET /api/agreements/{a}/export} (with signed checkpoints,
 * and each event's readable data beside its stored bytes) for the partners and
 * granted counsellors of an agreement (404 for anyone else, as for its state). Both read the event store itself,
 * not a read model: the chain is only meaningful over the bytes as stored. {@code minVersion} waits for the
 * agreement state that decides visibility; the event store already holds every event a command answered with.
 */
@QuerySide
@RestController
public record IntegrityController(EventChainStore chain, ReadableEvents readable, AgreementReads reads) {

    @GetMapping("/api/agreements/{a}/verification")
    public CompletableFuture<Verification> verification(Caller caller,
                                                        @PathVariable("a") AgreementId agreementId,
                                                        @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return reads.forPartners(caller, agreementId, minVersion).thenApply(chain::verify);
    }

    /**
     * Every stored event with its payload bytes (base64), hashes and readable data, and every signed checkpoint;
     * re-verifiable offline with the formula and the checkpoint format of docs/contract.md.
     */
    @GetMapping("/api/agreements/{a}/export")
    public CompletableFuture<ChainExport> export(Caller caller,
                                                 @PathVariable("a") AgreementId agreementId,
                                                 @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return reads.forPartners(caller, agreementId, minVersion).thenApply(visible -> {
            StoredChain stored = chain.chain(visible);
            long last = stored.events().isEmpty() ? -1 : stored.events().get(stored.events().size() - 1).sequence();
            return ChainExport.withPayloads(visible.agreementId().toString(), stored, readable.upTo(visible, last));
        });
    }
}
