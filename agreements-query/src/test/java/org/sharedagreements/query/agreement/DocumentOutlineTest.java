package org.sharedagreements.query.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.support.Story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.query.support.Story.ADA;
import static org.sharedagreements.query.support.Story.BEN;

class DocumentOutlineTest {

    @Test
    void theOutlineHidesEveryTextOfAHiddenFieldAndKeepsEverythingElse() throws Exception {
        String whole = """
                {"agreementId":"a1","title":"Ours","version":3,"partners":[{"partnerId":"ada","status":"JOINED"}],\
                "acceptedBy":["ada","ben"],"note":null,"measure":{"kept":"as it is"},"consequence":[{"x":"y"},"z"],\
                "nested":[[{"statement":"deep","n":1.5}]],"count":2,"flag":true}""";

        String outline = DocumentOutline.outline(whole);

        assertThat(read(outline)).isEqualTo(read("""
                {"agreementId":"a1","title":"[erased]","version":3,"partners":[{"partnerId":"[erased]","status":"JOINED"}],\
                "acceptedBy":["[erased]","[erased]"],"note":null,"measure":{"kept":"as it is"},\
                "consequence":[{"x":"y"},"[erased]"],"nested":[[{"statement":"[erased]","n":1.5}]],"count":2,"flag":true}"""));
    }

    @Test
    void aFoldedDocumentIsItsOutlineWithWhatItLeftOutPutBack() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("Evenings are ours", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("Weekends too", "P14D")));
        story.then(new RedFlagRaised(story.agreementId, ADA, RedFlagId.random(), RedFlagIndicator.values()[0],
                PrivateText.of("Felt distant")));
        AgreementState state = null;
        for (Story.Recorded recorded : story.events) {
            state = AgreementStateFold.apply(state, recorded.event(), recorded.sequence(), recorded.at());
        }

        DocumentOutline.Split split = DocumentOutline.split(state);

        assertThat(split.whole()).isEqualTo(ProjectionJson.mapper().valueToTree(state).toString());
        assertThat(split.outline()).doesNotContain("Evenings are ours", "Weekends too", "Felt distant", "\"ada\"",
                "\"ben\"").contains("[erased]");
        assertThat(split.hidden().toString()).contains("Evenings are ours", "Weekends too", "Felt distant", "\"ada\"");
        assertThat(DocumentOutline.join(read(split.outline()), split.hidden())).isEqualTo(read(split.whole()));
    }

    private static JsonNode read(String json) {
        try {
            return ProjectionJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
