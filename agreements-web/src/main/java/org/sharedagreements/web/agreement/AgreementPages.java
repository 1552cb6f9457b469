package org.sharedagreements.web.agreement;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.CommandRefusal;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.access.AccessPolicy;
import org.sharedagreements.kernel.access.AccessRole;
import org.sharedagreements.kernel.access.Decision;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.access.Standing;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.agreement.AgreementState;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.web.session.CommandMessages;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The agreement page and what every partner command does with it, in one place: the page reads the agreement as
 * {@code GET /api/agreements/{a}} does ({@link AgreementReads#forPartners}, {@link AgreementStateRepository}); a
 * command is built from its form, sent through the command gateway with the caller's roles (as the API sends it),
 * and answered by post/redirect/get to the page at the command's version, at the item it changed. A refusal of
 * the write side ({@link CommandRefusal}) becomes the page again with the rule's sentence (409), the 404 page or
 * the 403 page; an invalid form value the page again with the message at its field (422). Nothing is sent then.
 */
@QuerySide
@Component
public class AgreementPages {

    static final String PAGE = "agreement/agreement";

    private final AgreementReads reads;
    private final AgreementStateRepository states;
    private final CommandGateway commandGateway;
    private final MessageSource messages;

    public AgreementPages(AgreementReads reads, AgreementStateRepository states, CommandGateway commandGateway,
                          MessageSource messages) {
        this.reads = reads;
        this.states = states;
        this.commandGateway = commandGateway;
        this.messages = messages;
    }

    /** What a command handler of the pages builds its command from. */
    interface Form {
        AgreementId agreementId();

        PartnerId actor();

        /** The agreement as the sender sees it now (read once, when a form needs it: "my partner", the title). */
        AgreementView view();
    }

    /** Builds the command from the form; throws {@link FormProblem.Invalid} for a value it refuses. */
    @FunctionalInterface
    interface CommandFromForm {
        AgreementCommand command(Form form);
    }

    /** The page, once the read model applied event {@code minVersion} (ignored unless a whole number). */
    public CompletableFuture<ModelAndView> show(SignedInPerson person, String agreementId, String minVersion) {
        String awaited = QueryValues.wholeNumberProblem(minVersion, 0, Long.MAX_VALUE) == null ? minVersion : null;
        return render(person, Ids.agreement(agreementId), awaited, HttpStatus.OK, null, null);
    }

    /**
     * Sends the command the form builds, then redirects to the page at the command's version and at
     * {@code anchor}; renders the page with what went wrong instead when the form or the write side refuses.
     */
    CompletableFuture<ModelAndView> send(SignedInPerson person, String agreementId, String anchor,
                                         CommandFromForm build) {
        AgreementId agreement = Ids.agreement(agreementId);
        AgreementCommand command;
        try {
            command = build.command(new SenderForm(person, agreement));
        } catch (FormProblem.Invalid invalid) {
            return render(person, agreement, null, HttpStatus.UNPROCESSABLE_ENTITY, null, invalid.problem());
        }
        Object result;
        try {
            result = commandGateway.sendAndWait(CommandMessages.of(person, command));
        } catch (CommandExecutionException failure) {
            CommandRefusal refusal = failure.getDetails().filter(CommandRefusal.class::isInstance)
                    .map(CommandRefusal.class::cast).orElseThrow(() -> failure);
            boolean refusedHere = refusal.kind() == CommandRefusal.Kind.RULE_VIOLATED
                    || refusal.kind() == CommandRefusal.Kind.STALE_VERSION;
            if (!refusedHere) {
                throw failure; // 404 or 403, as every page answers them (PageErrors)
            }
            return render(person, agreement, null, HttpStatus.CONFLICT, sentence(refusal), null);
        }
        long version = ((CommandReceipt) Objects.requireNonNull(result, "a command handler's receipt")).version();
        return CompletableFuture.completedFuture(new ModelAndView(
                "redirect:/app/agreements/" + agreement + "?v=" + version + "#" + anchor));
    }

    private CompletableFuture<ModelAndView> render(SignedInPerson person, AgreementId agreementId, String minVersion,
                                                   HttpStatus status, String refusal, FormProblem problem) {
        Locale locale = LocaleContextHolder.getLocale(); // the future may complete on another thread
        return reads.forPartners(person.caller(), agreementId, minVersion).thenApply(visible -> {
            ModelAndView page = new ModelAndView(PAGE, status);
            page.addObject("view", view(visible, person, locale));
            page.addObject("refusal", refusal);
            page.addObject("problem", problem == null ? FormProblem.NONE : problem);
            return page;
        });
    }

    private AgreementView view(VisibleAgreement visible, SignedInPerson person, Locale locale) {
        List<AgreementState> state = states.states(List.of(visible));
        if (state.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new AgreementView(state.get(0), person.userId(), readOnly(visible),
                (key, arguments) -> messages.getMessage(key, arguments, locale));
    }

    /**
     * Whether the page offers no action: to a counsellor, and to a partner whose roles forbid changing any agreement
     * (a partner who is also signed in as a counsellor or an auditor), as the access policy decides for a command.
     */
    private static boolean readOnly(VisibleAgreement visible) {
        return visible.role() != AccessRole.PARTNER
                || AccessPolicy.command(new Standing(Membership.JOINED, null, false), visible.caller().roles(),
                AccessPolicy.Act.CHANGE) == Decision.FORBID;
    }

    /** The rule's sentence in the page's language where the bundle has one, else as the write side wrote it. */
    private String sentence(CommandRefusal refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = refusal.detail() == null ? "" : refusal.detail();
        String sentence = refusal.rule() == null ? detail
                : messages.getMessage("web.agreement.refusal." + refusal.rule(), null, detail, locale);
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1)
                + (sentence.endsWith(".") ? "" : ".");
    }

    /** The form of one request: who sends it, to which agreement, and the agreement as they see it, read once. */
    private final class SenderForm implements Form {
        private final SignedInPerson person;
        private final AgreementId agreementId;
        private AgreementView seen;

        SenderForm(SignedInPerson person, AgreementId agreementId) {
            this.person = person;
            this.agreementId = agreementId;
        }

        @Override
        public AgreementId agreementId() {
            return agreementId;
        }

        @Override
        public PartnerId actor() {
            return PartnerId.of(person.userId());
        }

        @Override
        public AgreementView view() {
            if (seen == null) {
                // without minVersion the gate answers at once: the future is complete
                try {
                    seen = AgreementPages.this.view(reads.forPartners(person.caller(), agreementId, null).join(), person,
                            LocaleContextHolder.getLocale());
                } catch (CompletionException failure) {
                    throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
                }
            }
            return seen;
        }
    }
}
