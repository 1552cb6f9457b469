package org.sharedagreements.query.integrity;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.web.QueryParameters;
import org.sharedagreements.query.web.ReadAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/agreements/{a}/verification} and {@code GET /api/agreements/{a}/export} for the partners and
 * granted counsellors of an agreement (404 for anyone else, as for its state). Both read the event store itself,
 * not a read model: the chain is only meaningful over the bytes as stored. {@code minVersion} waits for the
 * agreement state that decides visibility; the event store already holds every event a command answered with.
 */
@RestController
public class IntegrityController {

    private final EventChainStore chain;
    private final ReadAccess readAccess;

    public IntegrityController(EventChainStore chain, ReadAccess readAccess) {
        this.chain = chain;
        this.readAccess = readAccess;
    }

    @GetMapping("/api/agreements/{a}/verification")
    public Verification verification(@PathVariable("a") String a,
                                     @RequestParam(value = "minVersion", required = false) String minVersion,
                                     Authentication authentication) {
        AgreementId agreementId = visible(a, minVersion, authentication);
        return chain.verify(agreementId.toString());
    }

    /** Every stored event with its payload bytes (base64) and hashes, re-verifiable offline with api.md's formula. */
    @GetMapping("/api/agreements/{a}/export")
    public ChainExport export(@PathVariable("a") String a,
                              @RequestParam(value = "minVersion", required = false) String minVersion,
                              Authentication authentication) {
        AgreementId agreementId = visible(a, minVersion, authentication);
        return ChainExport.withPayloads(agreementId.toString(), chain.events(agreementId.toString()));
    }

    private AgreementId visible(String a, String minVersion, Authentication authentication) {
        QueryParameters parameters = new QueryParameters();
        AgreementId agreementId = parameters.agreementId("agreementId", a);
        Long version = parameters.minVersion(minVersion);
        parameters.throwIfInvalid();
        readAccess.require(agreementId, Caller.of(authentication), version);
        return agreementId;
    }
}
