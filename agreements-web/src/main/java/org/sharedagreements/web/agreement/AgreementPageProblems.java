package org.sharedagreements.web.agreement;

import org.sharedagreements.query.QuerySide;
import org.sharedagreements.web.session.SignedInModel;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the agreement pages answer instead of the API's problem+json when a page cannot be shown: the same 404 page
 * for an agreement (or boundary, breach, ...) that does not exist and one the person may not see; a 403 page for a
 * role that may read but not act; a calm "still updating" page (503, {@code Retry-After}) when the read model has
 * not caught up with the version asked for; a "slow down" page for 429.
 */
@QuerySide
@ControllerAdvice(assignableTypes = {AgreementPageController.class, PartnerCommandPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AgreementPageProblems {

    static final String PAGE = "agreement/unavailable";

    private final SignedInModel signedIn;

    public AgreementPageProblems(SignedInModel signedIn) {
        this.signedIn = signedIn;
    }

    @ExceptionHandler(ErrorResponseException.class)
    public ModelAndView unavailable(ErrorResponseException problem, HttpServletRequest request,
                                    HttpServletResponse response) {
        HttpStatus status = switch (problem.getStatusCode().value()) {
            case 403 -> HttpStatus.FORBIDDEN;
            case 429 -> HttpStatus.TOO_MANY_REQUESTS;
            case 503 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.NOT_FOUND;
        };
        String retryAfter = problem.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("signedIn", signedIn.signedIn());
        page.addObject("reason", status.value());
        // "reload": the same page again (a GET; after a failed POST, the agreement's page)
        page.addObject("reload", "GET".equals(request.getMethod()) && request.getQueryString() != null
                ? request.getRequestURI() + "?" + request.getQueryString() : request.getRequestURI());
        return page;
    }
}
