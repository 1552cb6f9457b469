package org.sharedagreements.app.roles;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * On a query node, a command (any POST, PUT, PATCH or DELETE under {@code /api}) is 404, as on a path that does
 * not exist; without this, {@code POST /api/agreements} would be 405 because the listing answers GET there. Any
 * more specific mapping of the read side (an operator's replay) still wins over this catch-all.
 */
@RestController
@Conditional(RoleConditions.QueryOnly.class)
public class NoCommandsHere {

    @RequestMapping(path = "/api/**",
            method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    public ResponseEntity<ProblemDetail> notHere() {
        return AbsentSide.notFound();
    }
}
