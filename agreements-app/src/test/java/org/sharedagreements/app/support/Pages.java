package org.sharedagreements.app.support;

import org.sharedagreements.kernel.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

/**
 * A web session as {@code oauth2Login} leaves it after an OpenID provider signed a person in: an {@code OidcUser}
 * whose {@code sub} is the user id the API knows, and one {@code ROLE_} authority per role claim, as
 * {@code WebSecurityConfiguration} maps them. For page tests on {@link ApiTest#pages}; {@code SignInFlowTest} plays
 * the real sign-in once.
 */
public final class Pages {

    private Pages() {
    }

    /** Signed in as {@code userId} (shown as {@code name}) with the given roles; none is a partner. */
    public static RequestPostProcessor person(String userId, String name, Role... roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return oidcLogin()
                .idToken(token -> token.subject(userId).claim("name", name))
                .authorities(withOidcUser(authorities));
    }

    public static RequestPostProcessor person(String userId, Role... roles) {
        return person(userId, userId, roles);
    }

    /**
     * Performs the request to its end: the pages answer with a {@code CompletableFuture} (they wait for the read
     * model as the API does), which MockMvc leaves started until it is dispatched again.
     */
    public static ResultActions perform(MockMvc pages, RequestBuilder request) throws Exception {
        MvcResult started = pages.perform(request).andReturn();
        if (started.getRequest().isAsyncStarted()) {
            started.getAsyncResult();
            return pages.perform(asyncDispatch(started));
        }
        return done(started);
    }

    /**
     * A page with its CSRF tokens blanked: they are masked afresh on every answer (BREACH), so two answers that
     * must not differ (a hidden agreement's 404 and a random id's) differ in them alone.
     */
    public static String withoutCsrfTokens(String html) {
        return html.replaceAll("(name=\"_csrf\" (?:value|content)=\")[^\"]*", "$1");
    }

    private static ResultActions done(MvcResult result) {
        return new ResultActions() {
            @Override
            public ResultActions andExpect(ResultMatcher matcher) throws Exception {
                matcher.match(result);
                return this;
            }

            @Override
            public ResultActions andDo(ResultHandler handler) throws Exception {
                handler.handle(result);
                return this;
            }

            @Override
            public MvcResult andReturn() {
                return result;
            }
        };
    }

    private static List<GrantedAuthority> withOidcUser(List<GrantedAuthority> authorities) {
        // oidcLogin() adds its own OIDC_USER authority only when it is given none
        List<GrantedAuthority> all = new ArrayList<>(authorities);
        all.add(new SimpleGrantedAuthority("OIDC_USER"));
        return all;
    }
}
