package org.sharedagreements.web.session;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a page handler take the {@link SignedInPerson} as a parameter (404 where there is no signed-in session). */
final class SignedInPersonArgument implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedInPerson.class;
    }

    @Override
    public SignedInPerson resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
        return SignedInPerson.of(SecurityContextHolder.getContext().getAuthentication());
    }
}
