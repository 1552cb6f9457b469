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
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import java.util.concurrent.CompletableFuture;

/**
 * {@code /app}: the signed-in partner's agreements, read as {@code GET /api/agreements} reads them (the same
 * {@link AgreementReads} and {@link AgreementGate}, for a {@link Caller} made from the signed-in session), and the
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

    @GetMapping("/app")
    public CompletableFuture<ModelAndView> home(@AuthenticationPrincipal OAuth2User user,
                                                @RequestParam(value = "agreementId", required = false)
                                                AgreementId drafted) {
        return page(user, drafted, null, HttpStatus.OK);
    }

    @PostMapping("/app/agreements")
    public CompletableFuture<ModelAndView> draft(@AuthenticationPrincipal OAuth2User user,
                                                 @ModelAttribute DraftForm form) {
        String title = form.title() == null ? "" : form.title().strip();
        if (TextRules.problem(title, 1, TextRules.TITLE_MAX) != null) {
            return page(user, null, "web.draft.title.invalid", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        SignedInPartner partner = signedIn(user);
        DraftAgreement command = new DraftAgreement(AgreementId.random(), PartnerId.of(partner.userId()),
                PrivateText.of(title), null);
        commandGateway.sendAndWait(command);
        // post/redirect/get: the list then shows the draft once its first event (version 0) is read
        return CompletableFuture.completedFuture(
                new ModelAndView("redirect:/app?agreementId=" + command.agreementId()));
    }

    /**
     * The pages are for a signed-in session only; where no sign-in is configured the API's chain lets a bearer
     * token through, and the pages then do not exist for it.
     */
    private static SignedInPartner signedIn(OAuth2User user) {
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return SignedInPartner.of(user);
    }

    private CompletableFuture<ModelAndView> page(OAuth2User user, AgreementId drafted, String problem,
                                                 HttpStatus status) {
        SignedInPartner partner = signedIn(user);
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        return reads.listing(caller, Audience.PARTNERS, drafted, drafted == null ? null : "0")
                .thenApply(ready -> {
                    ModelAndView page = new ModelAndView(HOME, status);
                    page.addObject("partner", partner);
                    page.addObject("agreements", states.summaries(gate.agreementsOf(caller)));
                    page.addObject("problem", problem);
                    return page;
                });
    }
}
