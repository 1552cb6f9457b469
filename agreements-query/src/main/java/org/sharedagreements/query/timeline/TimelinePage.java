package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of a timeline; {@code nextAfter} is the {@code after} that fetches the next page, null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelinePage(List<TimelineEntry> events, Long nextAfter) {
}
