package org.sharedagreements.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.kernel.access.Role;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.support.Pages.perform;
import static org.sharedagreements.app.support.Pages.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The steps of the agreement page's tests: a person posts a form of the page and follows the redirect, as a
 * browser does; what happened is read back through the real HTTP API.
 */
final class AgreementPageSteps {

    private final MockMvc pages;
    private final Api api;

    AgreementPageSteps(MockMvc pages, Api api) {
        this.pages = pages;
        this.api = api;
    }

    static String someone(String name) {
        return "page-" + name + "-" + UUID.randomUUID();
    }

    /** Drafts an agreement from the home page; answers its id. */
    String draft(String user, String title) throws Exception {
        MvcResult drafted = perform(pages, post("/app/agreements").param("title", title)
                .with(person(user)).with(csrf())).andReturn();
        assertThat(drafted.getResponse().getStatus()).isEqualTo(302);
        return drafted.getResponse().getRedirectedUrl().replaceAll(".*agreementId=", "");
    }

    /** Posts a form of the agreement page ({@code path} after {@code /app/agreements/{a}}). */
    MvcResult submit(String user, String agreementId, String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/app/agreements/" + agreementId + path).with(person(user)).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return perform(pages, request).andReturn();
    }

    /** Posts the form and follows its redirect; answers the page it lands on (200). */
    Landed act(String user, String agreementId, String path, String... fields) throws Exception {
        MvcResult posted = submit(user, agreementId, path, fields);
        assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
        String target = posted.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/app/agreements/" + agreementId + "?v=");
        String anchor = target.substring(target.indexOf('#') + 1);
        MvcResult page = perform(pages, get(target.substring(0, target.indexOf('#'))).with(person(user))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).as("every word has its message").doesNotContain("??");
        return new Landed(anchor, page.getResponse().getContentAsString(),
                Long.parseLong(target.replaceAll(".*\\?v=(\\d+)#.*", "$1")));
    }

    record Landed(String anchor, String page, long version) {
        /** The id the anchor names ({@code boundary-<id>} gives {@code <id>}). */
        String id() {
            return anchor.replaceAll("^[a-z-]+-(?=[0-9a-f]{8}-)", "");
        }
    }

    MvcResult page(String user, String agreementId, Role... roles) throws Exception {
        return perform(pages, get("/app/agreements/" + agreementId).with(person(user, user, roles))).andReturn();
    }

    /** The page once it shows the agreement's event {@code version} (the API's answers say which). */
    String pageAt(String user, String agreementId, long version, Role... roles) throws Exception {
        return pageText(user, agreementId + "?v=" + version, roles);
    }

    String pageText(String user, String agreementId, Role... roles) throws Exception {
        MvcResult page = page(user, agreementId, roles);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentAsString()).as("every word has its message").doesNotContain("??");
        return page.getResponse().getContentAsString();
    }

    /** The agreement's state through the API, as the partner reads it. */
    JsonNode state(String user, String agreementId) {
        Api.Response state = api.as(user).get("/api/agreements/" + agreementId);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        return state.body();
    }

    static JsonNode boundary(JsonNode state, String boundaryId) {
        for (JsonNode boundary : state.path("boundaries")) {
            if (boundary.path("boundaryId").asText().equals(boundaryId)) {
                return boundary;
            }
        }
        throw new AssertionError("no boundary " + boundaryId + " in " + state);
    }

    static JsonNode item(JsonNode state, String list, String idField, String id) {
        for (JsonNode item : state.path(list)) {
            if (item.path(idField).asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + state.path(list));
    }

    /** What is inside the page's {@code <main>}. */
    static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
