package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review deadlines live in PostgreSQL (db-scheduler's table, through Axon's DbSchedulerDeadlineManager), not in
 * memory: activation stores one, and when its time comes the service marks the boundary due for review. The test
 * moves the stored deadline's execution time to now instead of waiting 30 days.
 */
class ReviewDeadlineTest extends ApiTest {

    @Test
    void anActivatedBoundaryFallsDueForReviewThroughItsStoredDeadline() {
        Couple couple = Couple.formed(api, "rd-ava", "rd-ben");
        String boundary = couple.activeBoundary("DIGITAL_PRIVACY");

        byte[] marker = boundary.getBytes(StandardCharsets.UTF_8);
        assertThat(deadlinesFor(marker)).as("the review deadline is stored in scheduled_tasks").isEqualTo(1);

        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE position(? in task_data) > 0", marker);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(eventTypes(couple.agreementId)).contains("BoundaryReviewDue"));
        assertThat(couple.first.post(couple.path("/boundaries/" + boundary + "/reaffirmations")).status()).isEqualTo(200);
        assertThat(couple.second.post(couple.path("/boundaries/" + boundary + "/reaffirmations")).status()).isEqualTo(200);
        assertThat(eventTypes(couple.agreementId)).endsWith("BoundaryReaffirmed", "BoundaryReviewed");
        assertThat(deadlinesFor(marker)).as("the next review is scheduled").isEqualTo(1);
    }

    private long deadlinesFor(byte[] marker) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE position(? in task_data) > 0",
                Long.class, marker);
        return count == null ? 0 : count;
    }

    private List<String> eventTypes(String agreementId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, agreementId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
