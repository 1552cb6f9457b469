package org.sharedagreements.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.pages.AgreementPageSteps.boundary;
import static org.sharedagreements.app.pages.AgreementPageSteps.item;
import static org.sharedagreements.app.pages.AgreementPageSteps.main;
import static org.sharedagreements.app.pages.AgreementPageSteps.someone;

/**
 * The partner commands beyond the couple's story, each through the page's form and read back through the API:
 * decline, withdraw a proposal, retire, report a partner's breach and acknowledge it, raise and address a red
 * flag, leave.
 */
class AgreementPageCommandsTest extends ApiTest {

    private AgreementPageSteps steps;

    @BeforeEach
    void steps() {
        steps = new AgreementPageSteps(pages, api);
    }

    @Test
    void declineWithdrawAndRetireABoundary() throws Exception {
        String ann = someone("ann");
        String bo = someone("bo");
        Couple couple = Couple.formed(api, ann, bo);
        String a = couple.agreementId;

        String declined = steps.act(ann, a, "/boundaries", "category", "INTIMACY_PACE",
                "statement", "We take it slowly").id();
        assertThat(main(steps.pageText(bo, a))).contains("id=\"decline-" + declined + "\"");
        steps.act(bo, a, "/boundaries/" + declined + "/declines", "boundaryVersion", "1", "reason", "Not yet");
        assertThat(boundary(steps.state(ann, a), declined).path("status").asText()).isEqualTo("DECLINED");

        String withdrawn = steps.act(bo, a, "/boundaries", "category", "OTHER", "statement", "Sundays are ours").id();
        assertThat(main(steps.pageText(bo, a))).contains("id=\"withdraw-" + withdrawn + "\"");
        steps.act(bo, a, "/boundaries/" + withdrawn + "/withdrawal");
        assertThat(boundary(steps.state(ann, a), withdrawn).path("status").asText()).isEqualTo("WITHDRAWN");

        String retired = couple.activeBoundary("DIGITAL_PRIVACY");
        steps.act(ann, a, "/boundaries/" + retired + "/retirements");
        assertThat(boundary(steps.state(ann, a), retired).path("status").asText()).isEqualTo("ACTIVE");
        steps.act(bo, a, "/boundaries/" + retired + "/retirements");
        assertThat(boundary(steps.state(ann, a), retired).path("status").asText()).isEqualTo("RETIRED");
    }

    @Test
    void reportAPartnersBreachWhichTheyAcknowledge() throws Exception {
        String ann = someone("ann");
        String bo = someone("bo");
        Couple couple = Couple.formed(api, ann, bo);
        String a = couple.agreementId;
        String b = couple.activeBoundary("ONLINE_ENGAGEMENT");
        steps.pageAt(ann, a, 4); // what Ann saw: "my partner" is the one she sees joined

        String r = steps.act(ann, a, "/breaches", "boundaryId", b, "breachedBy", "partner",
                "description", "A new friend, not mentioned", "occurredAt",
                LocalDate.now(ZoneOffset.UTC).minusDays(2).toString()).id();
        JsonNode breach = item(steps.state(bo, a), "breaches", "breachId", r);
        assertThat(breach.path("breachedBy").asText()).isEqualTo(bo);
        assertThat(breach.path("selfDisclosed").asBoolean()).isFalse();
        assertThat(breach.path("status").asText()).isEqualTo("OPEN");
        String boSees = main(steps.pageText(bo, a));
        assertThat(boSees).contains("id=\"acknowledge-" + r + "\"").contains("Broken by You, reported by Your partner.");
        assertThat(main(steps.pageText(ann, a))).doesNotContain("id=\"acknowledge-" + r + "\"");

        steps.act(bo, a, "/breaches/" + r + "/acknowledgement");
        assertThat(item(steps.state(ann, a), "breaches", "breachId", r).path("status").asText())
                .isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void raiseAndAddressARedFlagThenLeave() throws Exception {
        String ann = someone("ann");
        String bo = someone("bo");
        Couple couple = Couple.formed(api, ann, bo);
        String a = couple.agreementId;

        String f = steps.act(bo, a, "/red-flags", "indicator", "LONELINESS", "note", "Evenings apart").id();
        assertThat(item(steps.state(ann, a), "redFlags", "flagId", f).path("status").asText()).isEqualTo("OPEN");
        steps.act(ann, a, "/red-flags/" + f + "/addressing", "note", "We planned a walk");
        assertThat(item(steps.state(ann, a), "redFlags", "flagId", f).path("status").asText()).isEqualTo("ADDRESSED");

        steps.act(ann, a, "/leave");
        assertThat(steps.state(bo, a).path("status").asText()).isEqualTo("ENDED");
        String ended = main(steps.pageText(bo, a));
        assertThat(ended).doesNotContain("id=\"red-flag\"").doesNotContain("id=\"leave\"").contains("id=\"erase\"");
        assertThat(couple.second.post(couple.path("/red-flags"), Map.of("indicator", "STRESS")).status())
                .as("the agreement ended for the partner who stayed").isEqualTo(409);
    }
}
