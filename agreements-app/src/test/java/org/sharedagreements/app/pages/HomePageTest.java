package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /app}: the signed-in person's agreements and the draft form, on the real context and database. */
class HomePageTest extends ApiTest {

    @Test
    void aDraftFromThePageIsListedForItsPartnerAndForNobodyElse() throws Exception {
        String alice = "home-" + UUID.randomUUID();
        String title = "Our phones at dinner " + UUID.randomUUID();

        MvcResult drafted = perform(pages, post("/app/agreements").param("title", title).with(person(alice)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String list = perform(pages, get(drafted.getResponse().getRedirectedUrl()).with(person(alice, "Alice")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(title).contains("Signed in as Alice");

        String stranger = perform(pages, get("/app").with(person("home-" + UUID.randomUUID())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stranger).doesNotContain(title);
    }

    @Test
    void aDraftWithoutCsrfOrWithoutASessionChangesNothing() throws Exception {
        String alice = "home-" + UUID.randomUUID();
        long before = allStoredEvents();
        perform(pages, post("/app/agreements").param("title", "no token").with(person(alice)))
                .andExpect(status().isForbidden());
        perform(pages, post("/app/agreements").param("title", "no session").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(allStoredEvents()).isEqualTo(before);
    }
}
