package org.sharedagreements.web.caseload;

import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.caseload.Caseloads;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.concurrent.CompletableFuture;

/**
 * {@code /app/caseload}: what {@code GET /api/counsellor/caseload} answers, from the same {@link Caseloads} (so the
 * same gate: 403 for a person without the counsellor role, and only the agreements every partner granted).
 */
@QuerySide
@Controller
public class CaseloadPage {

    private final Caseloads caseloads;

    public CaseloadPage(Caseloads caseloads) {
        this.caseloads = caseloads;
    }

    @GetMapping("/app/caseload")
    public CompletableFuture<ModelAndView> caseload(SignedInPerson person) {
        return caseloads.of(person.caller(), null, null).thenApply(entries -> {
            ModelAndView page = new ModelAndView("staff/caseload");
            page.addObject("entries", entries);
            return page;
        });
    }
}
