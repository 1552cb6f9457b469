package org.sharedagreements.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of a redacted timeline; {@code nextAfter} fetches the next page, null on the last, as on the timeline. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditTimelinePage(List<AuditTimelineEntry> events, Long nextAfter) {
}
