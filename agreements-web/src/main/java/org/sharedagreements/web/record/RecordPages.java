package org.sharedagreements.web.record;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.agreement.AgreementAsOf;
import org.sharedagreements.query.agreement.AgreementState;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.history.BoundaryHistory;
import org.sharedagreements.query.history.BoundaryHistoryRepository;
import org.sharedagreements.query.history.BoundaryVersion;
import org.sharedagreements.query.integrity.EventChainStore;
import org.sharedagreements.query.integrity.Verification;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.timeline.TimelineController;
import org.sharedagreements.query.timeline.TimelineEntry;
import org.sharedagreements.query.timeline.TimelinePage;
import org.sharedagreements.query.timeline.TimelineRepository;
import org.sharedagreements.query.web.QueryProblems;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.web.session.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The record pages: {@code /app/agreements/{a}/timeline} (with the as-of view, {@code ?at=}),
 * {@code /app/agreements/{a}/boundaries/{b}}, {@code /app/agreements/{a}/record} and its PDF. Each reads as the
 * API's endpoint for the same thing does: through {@link AgreementReads#forPartners} for the session's caller, from
 * the timeline, the boundary history, {@link AgreementAsOf} and {@link EventChainStore#verify}; the gate's 404 is
 * the answer for anyone who may not see the agreement.
 */
@QuerySide
@Controller
public class RecordPages {

    private final AgreementReads reads;
    private final AgreementStateRepository states;
    private final TimelineRepository timeline;
    private final AgreementAsOf asOf;
    private final BoundaryHistoryRepository histories;
    private final EventChainStore chain;
    private final MessageSource messages;
    private final Clock clock;

    public RecordPages(AgreementReads reads, AgreementStateRepository states, TimelineRepository timeline,
                       AgreementAsOf asOf, BoundaryHistoryRepository histories, EventChainStore chain,
                       MessageSource messages, Clock clock) {
        this.reads = reads;
        this.states = states;
        this.timeline = timeline;
        this.asOf = asOf;
        this.histories = histories;
        this.chain = chain;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The timeline a page at a time ({@code after}, {@code limit} as on the API) and the as-of view: the agreement
     * as it was after event {@code at} (a sequence, or an ISO-8601 instant). An invalid value is named on the page
     * (422) and its default used instead.
     */
    @GetMapping("/app/agreements/{a}/timeline")
    public CompletableFuture<ModelAndView> timeline(SignedInPerson person, @PathVariable("a") AgreementId agreementId,
                                                    @RequestParam(value = "after", required = false) String after,
                                                    @RequestParam(value = "limit", required = false) String limit,
                                                    @RequestParam(value = "at", required = false) String at,
                                                    Locale locale) {
        List<String> problems = new ArrayList<>();
        Long afterSequence = wholeNumber(after, 0, Long.MAX_VALUE, "web.record.timeline.after.invalid", problems);
        Long pageSize = wholeNumber(limit, 1, TimelineController.MAX_LIMIT, "web.record.timeline.limit.invalid",
                problems);
        int size = pageSize == null ? TimelineController.DEFAULT_LIMIT : pageSize.intValue();
        return reads.forPartners(person.caller(), agreementId, null, Projections.TIMELINE).thenApply(visible -> {
            AgreementState state = state(visible);
            Sentences sentences = sentences(person, visible, state, locale);
            TimelinePage page = TimelinePage.of(
                    timeline.page(visible, afterSequence == null ? -1 : afterSequence, size + 1), size);
            AsOfView view = asOfView(visible, state, at, locale, problems);
            ModelAndView model = new ModelAndView("record/timeline",
                    problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY);
            model.addObject("agreement", state);
            model.addObject("lines", page.events().stream().map(sentences::line).toList());
            model.addObject("earlier", afterSequence == null ? null
                    : timelinePath(agreementId, afterSequence - size < 0 ? null : afterSequence - size, pageSize, at));
            model.addObject("later", page.nextAfter() == null ? null
                    : timelinePath(agreementId, page.nextAfter(), pageSize, at));
            model.addObject("asOf", view);
            model.addObject("sentences", sentences);
            model.addObject("problems", problems);
            return model;
        });
    }

    /** Every version of one boundary side by side, with what changed between the versions in force. */
    @GetMapping("/app/agreements/{a}/boundaries/{b}")
    public CompletableFuture<ModelAndView> boundary(SignedInPerson person, @PathVariable("a") AgreementId agreementId,
                                                    @PathVariable("b") BoundaryId boundaryId, Locale locale) {
        return reads.forPartners(person.caller(), agreementId, null, Projections.BOUNDARY_HISTORY)
                .thenApply(visible -> {
                    AgreementState state = state(visible);
                    BoundaryHistory history = history(visible, boundaryId)
                            .orElseThrow(() -> QueryProblems.notFound("boundary"));
                    People people = people(person, visible, state, locale);
                    Terms terms = new Terms(messages, locale);
                    ModelAndView model = new ModelAndView("record/boundary");
                    model.addObject("agreement", state);
                    model.addObject("boundaryId", boundaryId.toString());
                    model.addObject("table", HistoryTable.of(history, terms, version -> column(version, terms,
                            people, locale)));
                    return model;
                });
    }

    /** The printable record: the boundaries in force with their histories, and the chain's verification. */
    @GetMapping("/app/agreements/{a}/record")
    public CompletableFuture<ModelAndView> record(SignedInPerson person, @PathVariable("a") AgreementId agreementId,
                                                  Locale locale, HttpServletResponse response) {
        return agreementRecord(person, agreementId, locale).thenApply(record -> {
            noStore(response);
            ModelAndView model = new ModelAndView("record/record");
            model.addObject("record", record);
            return model;
        });
    }

    /** The same record as a PDF to keep. */
    @GetMapping("/app/agreements/{a}/record.pdf")
    public CompletableFuture<ResponseEntity<byte[]>> recordPdf(SignedInPerson person,
                                                               @PathVariable("a") AgreementId agreementId,
                                                               Locale locale, HttpServletResponse response) {
        return agreementRecord(person, agreementId, locale).thenApply(record -> {
            noStore(response);
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("agreement-record-" + agreementId + ".pdf").build().toString())
                    .body(RecordPdf.write(record, messages, locale));
        });
    }

    /**
     * {@code Cache-Control: no-store} in place of the security headers' default, which may already be on the
     * response when an async answer is written (a {@code ResponseEntity}'s headers would be added beside it).
     */
    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }

    private CompletableFuture<AgreementRecord> agreementRecord(SignedInPerson person, AgreementId agreementId,
                                                               Locale locale) {
        return reads.forPartners(person.caller(), agreementId, null, Projections.BOUNDARY_HISTORY)
                .thenApply(visible -> {
                    AgreementState state = state(visible);
                    People people = people(person, visible, state, locale);
                    Terms terms = new Terms(messages, locale);
                    List<AgreementRecord.Entry> entries = state.boundaries.stream()
                            .filter(b -> b.terms != null && (b.status == BoundaryStatus.ACTIVE
                                    || b.status == BoundaryStatus.SUSPENDED))
                            .map(b -> entry(visible, b, terms, people, locale))
                            .toList();
                    return new AgreementRecord(state.agreementId, state.title,
                            terms.word("web.status.", state.status == null ? null : state.status.name()), entries,
                            verified(chain.verify(visible), locale), Moment.of(clock.instant(), locale));
                });
    }

    private AgreementRecord.Entry entry(VisibleAgreement visible, AgreementState.Boundary boundary, Terms terms,
                                        People people, Locale locale) {
        List<AgreementRecord.Term> shown = new ArrayList<>();
        for (String field : Terms.FIELDS) {
            if (!"statement".equals(field)) {
                shown.add(new AgreementRecord.Term(terms.label(field),
                        terms.value(field, field.equals("category") ? boundary.category : term(boundary.terms, field))));
            }
        }
        List<String> lines = new ArrayList<>();
        history(visible, BoundaryId.of(boundary.boundaryId)).ifPresent(history -> {
            for (BoundaryVersion version : history.versions()) {
                HistoryTable.Column column = column(version, terms, people, locale);
                lines.add(messages.getMessage("web.record.record.version", new Object[]{
                        column.version(), column.kind(), people.object(version.proposedBy()),
                        column.proposedAt() == null ? "" : column.proposedAt().text(), column.outcome()}, locale));
            }
            for (BoundaryHistory.Change change : history.changes()) {
                for (BoundaryHistory.FieldChange field : change.fields()) {
                    lines.add(messages.getMessage("web.record.record.change", new Object[]{
                            change.fromVersion(), change.toVersion(), terms.label(field.field()),
                            terms.value(field.field(), field.from()), terms.value(field.field(), field.to())},
                            locale));
                }
            }
        });
        return new AgreementRecord.Entry(boundary.boundaryId, boundary.terms.statement,
                terms.word("web.record.boundary.status.", boundary.status.name()), shown, lines);
    }

    private AgreementRecord.Verified verified(Verification verification, Locale locale) {
        String verdict = verification.valid()
                ? messages.getMessage("web.record.verification.valid",
                new Object[]{verification.eventCount()}, locale)
                : messages.getMessage("web.record.verification.invalid",
                new Object[]{verification.firstInvalidSequence()}, locale);
        String checkpoint = verification.lastValidCheckpoint() == null
                ? messages.getMessage("web.record.verification.noCheckpoint", null, locale)
                : messages.getMessage("web.record.verification.checkpoint", new Object[]{
                verification.lastValidCheckpoint().sequence(),
                Moment.of(verification.lastValidCheckpoint().signedAt(), locale).text(),
                verification.lastValidCheckpoint().keyId()}, locale);
        return new AgreementRecord.Verified(verification.valid(), verdict, verification.eventCount(),
                verification.headHash(), verification.firstInvalidSequence(), verification.reason(),
                verification.checkpointCount(), checkpoint);
    }

    private HistoryTable.Column column(BoundaryVersion version, Terms terms, People people, Locale locale) {
        return new HistoryTable.Column(version.boundaryVersion(),
                terms.word("web.record.kind.", version.kind()),
                terms.word("web.record.outcome.", version.outcome()),
                people.subject(version.proposedBy()), Moment.of(version.proposedAt(), locale),
                version.decidedBy() == null ? null : people.subject(version.decidedBy()),
                Moment.of(version.decidedAt(), locale), version.reason());
    }

    private Optional<BoundaryHistory> history(VisibleAgreement visible, BoundaryId boundaryId) {
        List<BoundaryVersion> versions = histories.versions(visible, boundaryId);
        return versions.isEmpty() ? Optional.empty()
                : Optional.of(BoundaryHistory.of(visible.agreementId().toString(), boundaryId.toString(), versions));
    }

    /**
     * The as-of view for {@code at}: without it, the current state (the read model's, which is what folding every
     * event would give); with it, the state folded from the events up to that event's time.
     */
    private AsOfView asOfView(VisibleAgreement visible, AgreementState current, String at, Locale locale,
                              List<String> problems) {
        long last = current.version;
        if (at == null || at.isBlank()) {
            return new AsOfView(last, last, Moment.of(current.lastEventAt, locale), current);
        }
        Instant instant;
        long sequence;
        String problem = QueryValues.wholeNumberProblem(at, 0, last);
        if (problem == null) {
            sequence = QueryValues.wholeNumber(at);
            List<TimelineEntry> event = timeline.page(visible, sequence - 1, 1);
            if (event.isEmpty()) {
                problems.add("web.record.asof.invalid");
                return new AsOfView(last, last, Moment.of(current.lastEventAt, locale), current);
            }
            instant = Instant.parse(event.get(0).at());
        } else {
            try {
                instant = QueryValues.instant(at);
            } catch (DateTimeParseException notAnInstant) {
                problems.add("web.record.asof.invalid");
                return new AsOfView(last, last, Moment.of(current.lastEventAt, locale), current);
            }
            sequence = -1;
        }
        AgreementState then = asOf.at(visible, instant).orElse(null);
        long shown = sequence >= 0 ? sequence : then == null ? 0 : then.version;
        return new AsOfView(shown, last, Moment.of(instant, locale), then);
    }

    private AgreementState state(VisibleAgreement visible) {
        List<AgreementState> found = states.states(List.of(visible));
        if (found.isEmpty()) {
            throw QueryProblems.notFound("agreement");
        }
        return found.get(0);
    }

    private People people(SignedInPerson person, VisibleAgreement visible, AgreementState state, Locale locale) {
        return new People(person.userId(), visible.role(), state, messages, locale);
    }

    private Sentences sentences(SignedInPerson person, VisibleAgreement visible, AgreementState state, Locale locale) {
        return new Sentences(state, people(person, visible, state, locale), messages, locale);
    }

    private static String term(AgreementState.Terms terms, String field) {
        return switch (field) {
            case "measure" -> terms.measure;
            case "consequence" -> terms.consequence;
            case "reviewEvery" -> terms.reviewEvery;
            default -> terms.statement;
        };
    }

    private static Long wholeNumber(String value, long min, long max, String problem, List<String> problems) {
        if (QueryValues.wholeNumberProblem(value, min, max) != null) {
            problems.add(problem);
            return null;
        }
        return QueryValues.wholeNumber(value);
    }

    private static String timelinePath(AgreementId agreementId, Long after, Long limit, String at) {
        StringBuilder path = new StringBuilder("/app/agreements/").append(agreementId).append("/timeline");
        String separator = "?";
        if (after != null) {
            path.append(separator).append("after=").append(after);
            separator = "&";
        }
        if (limit != null) {
            path.append(separator).append("limit=").append(limit);
            separator = "&";
        }
        if (at != null && QueryValues.wholeNumberProblem(at, 0, Long.MAX_VALUE) == null) {
            path.append(separator).append("at=").append(at.strip());
        }
        return path.toString();
    }
}
