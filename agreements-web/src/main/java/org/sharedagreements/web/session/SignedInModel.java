package org.sharedagreements.web.session;

import org.sharedagreements.query.QuerySide;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's model holds {@code signedIn}, the {@link SignedInPerson} (null on the sign-in pages), for the shared
 * header ({@code fragments/page :: header}). Only the pages' controllers: the API's have no model.
 */
@QuerySide
@ControllerAdvice(basePackages = "org.sharedagreements.web")
public class SignedInModel {

    @ModelAttribute("signedIn")
    public SignedInPerson signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OAuth2User
                ? SignedInPerson.of(authentication) : null;
    }
}
