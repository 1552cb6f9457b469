package org.sharedagreements.web.errors;

import org.sharedagreements.query.QuerySide;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page's refusal as a page: the status the API would give (404 for what the caller may not see or what does not
 * exist, alike; 403; 400; 503 with {@code Retry-After} while a read model catches up or the database is away),
 * rendered as {@code app/problem} in the person's words, never a stack trace or a JSON body. Only the pages'
 * controllers; the API's keep their problem+json.
 */
@QuerySide
@ControllerAdvice(basePackages = "org.sharedagreements.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    private static final String PAGE = "app/problem";

    /** Spring's exceptions that carry their status (a gate's 404 or 503, a missing parameter, a wrong method). */
    @ExceptionHandler({ErrorResponseException.class, ServletRequestBindingException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeException.class})
    public ModelAndView refused(Exception exception, HttpServletResponse response) {
        ErrorResponse error = (ErrorResponse) exception;
        HttpStatusCode status = error.getStatusCode();
        String retryAfter = error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return page(status);
    }

    /** A value in the address that is not of its type (an agreement id that is no UUID): 400. */
    @ExceptionHandler(TypeMismatchException.class)
    public ModelAndView notUnderstood(TypeMismatchException error) {
        return page(HttpStatus.BAD_REQUEST);
    }

    /** The problem page for a status; the message keys are {@code web.problem.<status>} (else the 4xx/5xx one). */
    public static ModelAndView page(HttpStatusCode status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        int code = status.value();
        page.addObject("status", code);
        page.addObject("kind", switch (code) {
            case 400, 403, 404, 409, 422, 429, 503 -> Integer.toString(code);
            default -> code >= 500 ? "5xx" : "4xx";
        });
        return page;
    }
}
