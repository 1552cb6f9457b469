package org.sharedagreements.command.web;

import org.sharedagreements.kernel.InvalidValue;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The agreement version a command expects, from {@code If-Match: "<version>"}; {@code value} is {@code null}
 * without the header or for {@code *}. A weak tag ({@code W/"3"}) is read like a strong one. A command endpoint
 * takes it as a parameter and {@link Resolver} reads it, so the header is parsed in one place.
 */
public record ExpectedVersion(Long value) {

    public static final String HEADER = "If-Match";
    static final String PROBLEM = "must be an agreement version as sent in ETag, such as \"3\"";

    public static ExpectedVersion parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return new ExpectedVersion(null);
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return new ExpectedVersion(version);
        } catch (NumberFormatException e) {
            throw new InvalidValue(HEADER, PROBLEM);
        }
    }

    /** Resolves an {@link ExpectedVersion} parameter from the request's {@code If-Match} header. */
    static final class Resolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ExpectedVersion.class;
        }

        @Override
        public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                               NativeWebRequest request, WebDataBinderFactory binderFactory) {
            return parse(request.getHeader(HEADER));
        }
    }
}
