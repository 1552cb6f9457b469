package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryCategory;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared given-events and expectations for the Agreement's rule tests: Alex drafted, Sam was invited and
 * joined ({@link #couple()}); then Alex proposed a boundary ({@link #proposed()}) that Sam accepted
 * ({@link #active()}).
 */
abstract class AgreementFixtureTest {

    static final AgreementId AGREEMENT = AgreementId.of("6f1c2a3e-1111-4c5d-9e8f-0a1b2c3d4e5f");
    static final PartnerId ALEX = PartnerId.of("alex");
    static final PartnerId SAM = PartnerId.of("sam");
    static final PartnerId KIM = PartnerId.of("kim");
    static final PartnerId STRANGER = PartnerId.of("stranger");
    static final BoundaryId BOUNDARY = BoundaryId.of("0b0b0b0b-2222-4c5d-9e8f-0a1b2c3d4e5f");
    static final BoundaryTerms TERMS = new BoundaryTerms(BoundaryCategory.ONLINE_ENGAGEMENT,
            "No private messages with exes", "Either may ask to see the chat list", "We talk it through that day",
            ReviewPeriod.DEFAULT);
    static final BoundaryTerms REVISED = new BoundaryTerms(BoundaryCategory.ONLINE_ENGAGEMENT,
            "No private messages with exes, including on games", "", "", ReviewPeriod.parse("P14D"));
    /** The simulated "now" of tests that decide with time: set with {@code andGivenCurrentTime(NOW)}. */
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration THIRTY_DAYS = Duration.ofDays(30);
    static final Duration FOURTEEN_DAYS = Duration.ofDays(14);
    /** The next review of the boundary in {@link #active()}. */
    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.setReportIllegalStateChange(true);
    }

    static Object drafted() {
        return new AgreementDrafted(AGREEMENT, ALEX, PrivateText.of("Rebuilding trust"));
    }

    static List<Object> couple() {
        return List.of(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM), new PartnerJoined(AGREEMENT, SAM));
    }

    static List<Object> threesome() {
        return with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM), new PartnerJoined(AGREEMENT, KIM));
    }

    static List<Object> proposed() {
        return with(couple(), new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS));
    }

    static List<Object> active() {
        return with(proposed(), new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1),
                new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 1, LATER));
    }

    static List<Object> with(List<Object> given, Object... more) {
        List<Object> events = new ArrayList<>(given);
        events.addAll(List.of(more));
        return events;
    }

    /** The command was refused by this rule and changed nothing. */
    static void refusedBy(ResultValidator<Agreement> result, Rule rule) {
        result.expectNoEvents()
                .expectException(violates(rule))
                .expectExceptionMessage(rule.detail());
    }

    /** The command was answered as if the agreement (or the thing it names) did not exist, and changed nothing. */
    static void notVisible(ResultValidator<Agreement> result) {
        result.expectNoEvents().expectException(AgreementNotVisible.class);
    }

    /** A {@link RuleViolation} naming exactly this rule. */
    static Matcher<Object> violates(Rule rule) {
        return new TypeSafeMatcher<>(RuleViolation.class) {
            @Override
            protected boolean matchesSafely(Object item) {
                return ((RuleViolation) item).rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                mismatch.appendText("was a RuleViolation of ").appendValue(((RuleViolation) item).rule());
            }
        };
    }
}
