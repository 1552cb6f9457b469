package org.sharedagreements.web.home;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.TextRules;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /app}: what waits for the signed-in partner ({@link NeedsYou}, each with its one-click form posting to
 * the agreement page's command paths), their agreements, read as {@code GET /api/agreements} reads them (the same
 * {@link AgreementReads} and {@link AgreementGate}, for a {@code Caller} of the signed-in session), and the
 * draft form, which sends the kernel's {@link DraftAgreement} through the command gateway as the API does. After a
 * draft the page waits for the new agreement's first event, as a client passing {@code minVersion} would.
 */
@QuerySide
@Controller
public class HomeController {

    private static final String HOME = "app/home";

    private final AgreementReads reads;
    private final AgreementGate gate;
    private final AgreementStateRepository states;
    private final CommandGateway commandGateway;

    public HomeController(AgreementReads reads, AgreementGate gate, AgreementStateRepository states,
                          CommandGateway commandGateway) {
        this.reads = reads;
        this.gate = gate;
        this.states = states;
        this.commandGateway = commandGateway;
    }

    /** The service's front door is the web app (the API lives under {@code /api}, its description at /swagger-ui). */
    @GetMapping("/")
    public String door() {
        return "redirect:/app";
    }

    @GetMapping("/app")
    public CompletableFuture<ModelAndView> home(SignedInPerson person,
                                                @RequestParam(value = "agreementId", required = false)
                                                AgreementId changed,
                                                @RequestParam(value = "v", required = false) Long version) {
        return page(person, changed, version, null, HttpStatus.OK);
    }

    @PostMapping("/app/agreements")
    public CompletableFuture<ModelAndView> draft(SignedInPerson person, @ModelAttribute DraftForm form) {
        String title = form.title() == null ? "" : form.title().strip();
        if (TextRules.problem(title, 1, TextRules.TITLE_MAX) != null) {
            return page(person, null, null, "web.draft.title.invalid", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        DraftAgreement command = new DraftAgreement(AgreementId.random(), PartnerId.of(person.userId()),
                PrivateText.of(title), null);
        commandGateway.sendAndWait(command);
        // post/redirect/get: the list then shows the draft once its first event (version 0) is read
        return CompletableFuture.completedFuture(
                new ModelAndView("redirect:/app?agreementId=" + command.agreementId()));
    }

    /** With {@code changed}, the page waits until that agreement's read model applied event {@code version} (0). */
    private CompletableFuture<ModelAndView> page(SignedInPerson person, AgreementId changed, Long version,
                                                 String problem, HttpStatus status) {
        String awaited = changed == null ? null : version == null ? "0" : Long.toString(Math.max(0, version));
        return reads.listing(person.caller(), Audience.PARTNERS, changed, awaited)
                .thenApply(ready -> {
                    ModelAndView page = new ModelAndView(HOME, status);
                    List<VisibleAgreement> visible = gate.agreementsOf(person.caller());
                    page.addObject("agreements", states.summaries(visible));
                    page.addObject("needs", NeedsYou.of(person.userId(), states.states(visible),
                            gate.invitationsOf(person.caller())));
                    page.addObject("problem", problem);
                    return page;
                });
    }
}
