package org.sharedagreements.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of a timeline; {@code nextAfter} is the {@code after} that fetches the next page, null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelinePage(List<TimelineEntry> events, Long nextAfter) {

    /** The page of {@code size} entries from up to {@code size + 1} read (one more tells whether a next page exists). */
    public static TimelinePage of(List<TimelineEntry> entries, int size) {
        if (entries.size() <= size) {
            return new TimelinePage(List.copyOf(entries), null);
        }
        List<TimelineEntry> page = entries.subList(0, size);
        return new TimelinePage(List.copyOf(page), page.get(size - 1).sequence());
    }
}
