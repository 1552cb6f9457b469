package org.sharedagreements.app.roles;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * On a command node, a query (any GET under {@code /api}) is 404, as on a path that does not exist; without
 * this, {@code GET /api/agreements} would be 405 because drafting answers POST there.
 */
@RestController
@Conditional(RoleConditions.CommandOnly.class)
public class NoQueriesHere {

    @GetMapping("/api/**")
    public ResponseEntity<ProblemDetail> notHere() {
        return AbsentSide.notFound();
    }
}
