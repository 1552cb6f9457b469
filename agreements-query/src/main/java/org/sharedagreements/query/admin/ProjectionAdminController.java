package org.sharedagreements.query.admin;

import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.Gated;
import org.sharedagreements.query.web.QueryProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * What operators see and do, under {@code /api/admin}: the status of every projection, rebuilding one, and the
 * events projections parked (listed, retried one agreement at a time or all at once). Operators only: anyone else
 * gets 403, since these endpoints name no agreement whose existence could leak by it; they show agreement ids,
 * event types and failure classes, never content.
 */
@QuerySide
@RestController
@RequestMapping("/api/admin")
public class ProjectionAdminController {

    private final ProjectionAdministration administration;
    private final DeadLetters deadLetters;

    public ProjectionAdminController(ProjectionAdministration administration, DeadLetters deadLetters) {
        this.administration = administration;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    public List<ProjectionStatus> projections(@Gated(scope = Scope.OPERATIONS) Caller caller) {
        return administration.statuses();
    }

    @PostMapping("/projections/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@Gated(scope = Scope.OPERATIONS) Caller caller,
                                                   @PathVariable("name") String name) {
        if (!administration.replay(name)) {
            throw QueryProblems.notFound("projection");
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(administration.status(name).orElseThrow(() -> QueryProblems.notFound("projection")));
    }

    /** Every parked event, oldest first. */
    @GetMapping("/dead-letters")
    public List<ParkedEvent> parked(@Gated(scope = Scope.OPERATIONS) Caller caller) {
        return deadLetters.list();
    }

    /** Retries every parked sequence once. */
    @PostMapping("/dead-letters/retry")
    public RetryOutcome retryAll(@Gated(scope = Scope.OPERATIONS) Caller caller) {
        return deadLetters.retryAll();
    }

    /** Retries what one projection parked of one agreement. */
    @PostMapping("/dead-letters/{projection}/{agreementId}/retry")
    public RetryOutcome retry(@Gated(scope = Scope.OPERATIONS) Caller caller,
                              @PathVariable("projection") String projection,
                              @PathVariable("agreementId") String agreementId) {
        return deadLetters.retry(projection, agreementId)
                .orElseThrow(() -> QueryProblems.notFound("parked sequence"));
    }
}
