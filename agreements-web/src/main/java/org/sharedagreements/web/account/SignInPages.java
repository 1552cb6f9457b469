package org.sharedagreements.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sharedagreements.kernel.access.Role;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Optional;

/**
 * The local identity provider's pages: sign-in ({@code GET /auth/login}; Spring Security's form login takes the
 * {@code POST}, its WebAuthn filter the passkey's), sign-up, and creating a passkey. After signing up with a password
 * the person signs in; after signing up for a passkey they are signed in at the provider, create the passkey on
 * {@code /auth/passkey} and go on ({@code /auth/continue}) with the authorization request the provider saved.
 */
@Controller
@Profile("local")
public class SignInPages {

    private static final List<Role> ROLE_CHOICES = List.of(Role.values());
    private static final AuthenticationTrustResolver SIGNED_IN = new AuthenticationTrustResolverImpl();

    private final LocalAccounts accounts;
    private final ProviderSession provider;

    public SignInPages(LocalAccounts accounts, ProviderSession provider) {
        this.accounts = accounts;
        this.provider = provider;
    }

    @GetMapping("/auth/login")
    public String signIn() {
        return "auth/login";
    }

    @GetMapping("/auth/signup")
    public ModelAndView signUpForm() {
        return signUpPage(HttpStatus.OK, null, null, SignUpForm.PARTNER, null);
    }

    @PostMapping("/auth/signup")
    public ModelAndView signUp(@ModelAttribute SignUpForm form, HttpServletRequest request,
                               HttpServletResponse response) {
        String problem = form.problem().orElse(null);
        Optional<LocalAccount> created = Optional.empty();
        if (problem == null) {
            var roles = form.roles().orElseThrow();
            created = form.byPasskey() ? accounts.createForPasskey(form.username(), roles)
                    : accounts.create(form.username(), form.password(), roles);
            if (created.isEmpty()) {
                problem = "web.signup.username.taken";
            }
        }
        if (problem != null) {
            return signUpPage(HttpStatus.UNPROCESSABLE_ENTITY, problem, form.username(), form.role(), form.method());
        }
        if (form.byPasskey()) {
            provider.signIn(created.get(), request, response);
            return new ModelAndView("redirect:/auth/passkey");
        }
        return new ModelAndView("redirect:/auth/login?signedUp");
    }

    /** Creating a passkey, for whoever is signed in at the provider (just signed up, by password or by passkey). */
    @GetMapping("/auth/passkey")
    public String passkeyPage() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return SIGNED_IN.isAuthenticated(signedIn) ? "auth/passkey" : "redirect:/auth/login";
    }

    @GetMapping("/auth/continue")
    public String goOn(HttpServletRequest request, HttpServletResponse response) {
        return "redirect:" + provider.resumeUrl(request, response);
    }

    private static ModelAndView signUpPage(HttpStatus status, String problem, String username, String role,
                                           String method) {
        ModelAndView page = new ModelAndView("auth/signup", status);
        page.addObject("problem", problem);
        page.addObject("username", username);
        page.addObject("role", role == null || role.isBlank() ? SignUpForm.PARTNER : role);
        page.addObject("byPasskey", SignUpForm.BY_PASSKEY.equals(method));
        page.addObject("roleChoices", ROLE_CHOICES);
        return page;
    }
}
