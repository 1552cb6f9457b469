package org.sharedagreements.web.agreement;

import org.sharedagreements.query.QuerySide;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.concurrent.CompletableFuture;

/**
 * {@code /app/agreements/{a}}: the agreement as its partner sees it, with the actions its state offers them, or
 * read-only for a counsellor it was granted to; the 404 page for anyone else, as for an id that does not exist.
 * {@code v} is the API's {@code minVersion}: after a command the page waits until it shows the command's result.
 */
@QuerySide
@Controller
public class AgreementPageController {

    private final AgreementPages pages;

    public AgreementPageController(AgreementPages pages) {
        this.pages = pages;
    }

    @GetMapping("/app/agreements/{a}")
    public CompletableFuture<ModelAndView> agreement(SignedInPerson person, @PathVariable("a") String agreementId,
                                                     @RequestParam(value = "v", required = false) String minVersion) {
        return pages.show(person, agreementId, minVersion);
    }
}
