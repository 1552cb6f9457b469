package org.sharedagreements.web.operations;

import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.admin.DeadLetters;
import org.sharedagreements.query.admin.ParkedEvent;
import org.sharedagreements.query.admin.ProjectionAdministration;
import org.sharedagreements.query.admin.ProjectionStatus;
import org.sharedagreements.query.admin.RetryOutcome;
import org.sharedagreements.query.web.QueryProblems;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /app/operations}: what {@code /api/admin} shows and does, through the same {@link ProjectionAdministration}
 * and {@link DeadLetters}, behind the same gate ({@link Scope#OPERATIONS}: 403 to anyone but an operator). Every
 * button is a form (post/redirect/get); the page after it says what was started or done.
 */
@QuerySide
@Controller
public class OperationsPage {

    private static final String PAGE = "/app/operations";

    private final AgreementGate gate;
    private final ProjectionAdministration administration;
    private final DeadLetters deadLetters;

    public OperationsPage(AgreementGate gate, ProjectionAdministration administration, DeadLetters deadLetters) {
        this.gate = gate;
        this.administration = administration;
        this.deadLetters = deadLetters;
    }

    @GetMapping(PAGE)
    public ModelAndView operations(SignedInPerson person,
                                   @RequestParam(value = "replayed", required = false) String replayed,
                                   @RequestParam(value = "tried", required = false) Integer tried,
                                   @RequestParam(value = "applied", required = false) Integer applied,
                                   @RequestParam(value = "stillParked", required = false) Long stillParked) {
        gate.require(person.caller(), Scope.OPERATIONS);
        List<ProjectionStatus> statuses = administration.statuses();
        Map<String, List<ParkedEvent>> parked = new LinkedHashMap<>();
        statuses.forEach(status -> parked.put(status.name(), new ArrayList<>()));
        deadLetters.list().forEach(letter -> parked.computeIfAbsent(letter.projection(), p -> new ArrayList<>())
                .add(letter));
        ModelAndView page = new ModelAndView("staff/operations");
        page.addObject("statuses", statuses);
        page.addObject("parked", parked);
        page.addObject("anyParked", parked.values().stream().anyMatch(letters -> !letters.isEmpty()));
        page.addObject("replayed", replayed != null && statuses.stream().anyMatch(s -> s.name().equals(replayed))
                ? replayed : null);
        page.addObject("retry", tried != null && applied != null && stillParked != null
                ? new RetryOutcome(tried, applied, stillParked) : null);
        return page;
    }

    /** As {@code POST /api/admin/projections/{name}/replay}: 404 for an unknown projection. */
    @PostMapping(PAGE + "/projections/{name}/replay")
    public ModelAndView replay(SignedInPerson person, @PathVariable("name") String name) {
        gate.require(person.caller(), Scope.OPERATIONS);
        if (!administration.replay(name)) {
            throw QueryProblems.notFound("projection");
        }
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath(PAGE).queryParam("replayed", name)
                .build().encode().toUriString());
    }

    /** As {@code POST /api/admin/dead-letters/retry}. */
    @PostMapping(PAGE + "/dead-letters/retry")
    public ModelAndView retryAll(SignedInPerson person) {
        gate.require(person.caller(), Scope.OPERATIONS);
        return retried(deadLetters.retryAll());
    }

    /** As {@code POST /api/admin/dead-letters/{projection}/{agreementId}/retry}: 404 when nothing of it is parked. */
    @PostMapping(PAGE + "/dead-letters/{projection}/{agreementId}/retry")
    public ModelAndView retry(SignedInPerson person, @PathVariable("projection") String projection,
                              @PathVariable("agreementId") String agreementId) {
        gate.require(person.caller(), Scope.OPERATIONS);
        return retried(deadLetters.retry(projection, agreementId)
                .orElseThrow(() -> QueryProblems.notFound("parked sequence")));
    }

    private static ModelAndView retried(RetryOutcome outcome) {
        return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath(PAGE)
                .queryParam("tried", outcome.tried()).queryParam("applied", outcome.applied())
                .queryParam("stillParked", outcome.stillParked()).build().toUriString());
    }
}
