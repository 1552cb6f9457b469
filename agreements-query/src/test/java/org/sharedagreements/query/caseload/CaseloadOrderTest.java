package org.sharedagreements.query.caseload;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The caseload's order: what needs attention first, open breaches before red flags before reviews before proposals. */
class CaseloadOrderTest {

    private static CaseloadEntry entry(String id, int breaches, int flags, int reviews, int proposals) {
        return new CaseloadEntry(id, "title", "ACTIVE", 1, null, breaches + flags + reviews + proposals > 0,
                Stream.generate(() -> new CaseloadEntry.OpenBreach("r", "b", "OPEN", "p", null)).limit(breaches).toList(),
                Stream.generate(() -> new CaseloadEntry.OpenRedFlag("f", "STRESS", "p", null)).limit(flags).toList(),
                Stream.generate(() -> new CaseloadEntry.ReviewDue("b", 1, null)).limit(reviews).toList(),
                Stream.generate(() -> new CaseloadEntry.PendingProposal("b", 1, "p", null, List.of()))
                        .limit(proposals).toList());
    }

    @Test
    void theMostUrgentComesFirst() {
        List<CaseloadEntry> sorted = Stream.of(entry("calm", 0, 0, 0, 0), entry("proposal", 0, 0, 0, 1),
                        entry("review", 0, 0, 2, 0), entry("flag", 0, 1, 0, 0), entry("breach", 1, 0, 0, 0),
                        entry("breaches", 2, 0, 0, 0), entry("calm-too", 0, 0, 0, 0))
                .sorted(Caseload.MOST_URGENT_FIRST).toList();
        assertThat(sorted).extracting(CaseloadEntry::agreementId)
                .containsExactly("breaches", "breach", "flag", "review", "proposal", "calm", "calm-too");
    }
}
