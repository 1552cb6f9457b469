package org.sharedagreements.query.access;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a query endpoint's {@link Caller} from the authenticated request and lets the gate admit it ({@link Gated}). */
final class CallerResolver implements HandlerMethodArgumentResolver {

    private final AgreementGate gate;

    CallerResolver(AgreementGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        Gated gated = parameter.getParameterAnnotation(Gated.class);
        if (gated != null) {
            for (var scope : gated.scope()) {
                gate.require(caller, scope);
            }
            if (gated.audit()) {
                gate.enterAudit(caller);
            }
        }
        return caller;
    }
}
