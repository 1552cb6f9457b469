package org.sharedagreements.query.admin;

import org.sharedagreements.query.web.QueryProblems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * {@code GET /api/admin/projections} (the status of every projection) and
 * {@code POST /api/admin/projections/{name}/replay} (rebuild one from the first event, 202 at once, progress in
 * the status). Operators only: anyone else gets 403, since these name no agreement whose existence could leak.
 */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionAdminController {

    static final String OPERATOR_AUTHORITY = "ROLE_operator";

    private final ProjectionAdministration administration;

    public ProjectionAdminController(ProjectionAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    public List<ProjectionStatus> projections(Authentication authentication) {
        requireOperator(authentication);
        return administration.statuses();
    }

    @PostMapping("/{name}/replay")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable("name") String name, Authentication authentication) {
        requireOperator(authentication);
        if (!administration.replay(name)) {
            throw QueryProblems.notFound("projection");
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(administration.status(name).orElseThrow(() -> QueryProblems.notFound("projection")));
    }

    private static void requireOperator(Authentication authentication) {
        boolean operator = authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(OPERATOR_AUTHORITY::equals);
        if (!operator) {
            throw QueryProblems.forbidden("Only operators may see and rebuild projections.");
        }
    }
}
