package org.sharedagreements.web.account;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The local identity provider's pages: sign-in ({@code GET /auth/login}; Spring Security's form login takes the
 * {@code POST}) and sign-up. After signing up the person signs in, and the provider goes on with the authorization
 * request it saved.
 */
@Controller
@Profile("local")
public class SignInPages {

    private final LocalAccounts accounts;

    public SignInPages(LocalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/auth/login")
    public String signIn() {
        return "auth/login";
    }

    @GetMapping("/auth/signup")
    public String signUpForm() {
        return "auth/signup";
    }

    @PostMapping("/auth/signup")
    public ModelAndView signUp(@ModelAttribute SignUpForm form) {
        String problem = form.problem().orElse(null);
        if (problem == null && accounts.create(form.username(), form.password()).isEmpty()) {
            problem = "web.signup.username.taken";
        }
        if (problem != null) {
            ModelAndView page = new ModelAndView("auth/signup", HttpStatus.UNPROCESSABLE_ENTITY);
            page.addObject("problem", problem);
            page.addObject("username", form.username());
            return page;
        }
        return new ModelAndView("redirect:/auth/login?signedUp");
    }
}
