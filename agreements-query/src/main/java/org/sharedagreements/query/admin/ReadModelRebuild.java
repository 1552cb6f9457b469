package org.sharedagreements.query.admin;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementAccess;
import org.sharedagreements.query.agreement.AgreementStateProjection;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.history.BoundaryHistoryProjection;
import org.sharedagreements.query.history.BoundaryHistoryRepository;
import org.sharedagreements.query.projection.ProjectionProgress;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.projection.ReadModelTables;
import org.sharedagreements.query.timeline.TimelineProjection;
import org.sharedagreements.query.timeline.TimelineRepository;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Rebuilds every read model from the events without taking the live ones away (blue-green, issue 15). The live
 * processor keeps applying new events to the live tables, and every read is answered from them, while this fills
 * their shadows ({@link ReadModelTables}): it reads the stored events in pages straight from the event table and
 * hands each page to the projections' own handlers, built on the shadow tables, in one unit of work and one
 * transaction, so each agreement's rows are written once per page by the same code that writes them live.
 *
 * <p>Hand-over. The pages go up to what every segment of the live processor has passed (below the first gap of
 * its gap-aware tokens: an event in a gap is not applied yet, and will be applied by the live processor later). The
 * rest is per agreement: the live {@code projection_progress} says exactly which events of an agreement each
 * projection applied (events of one agreement are applied in order), so the shadows get, per projection, the
 * agreement's events above what they have up to what the live tables have. The last round of that runs in the one
 * transaction that swaps the tables, after it took every live table and shadow ACCESS EXCLUSIVE (with NOWAIT, tried
 * again every millisecond: see {@link #handOver}) and the processor's token rows, so no live batch commits
 * meanwhile on any node and the shadows hold what the live tables hold, agreement by agreement, when they take
 * their names. Readers wait for that transaction only while it holds the locks (milliseconds), and then read the
 * new tables; a live batch that waited writes into the new tables afterwards, which hold what it read from the old.
 *
 * <p>Speed. Pages are read and deserialized (their content opened) on a reader thread while the page before is
 * applied, and the timeline's rows, one per event, go into its shadow with {@code COPY} ({@link
 * org.sharedagreements.query.projection.BulkCopy}).
 *
 * <p>Dead letters stay where they are: the live processor parked those agreements, and parks their later events,
 * until a retry succeeds. An event that a projection rejects in the rebuild where the live processor parked that
 * agreement too parks the agreement in the rebuild (its rows stop before it, as the live ones do); one the live
 * processor applied fails the rebuild, loudly, and the live tables stay as they are.
 */
@QuerySide
@Service
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    /** Between two tries at the swap's locks: a reader's query or a live batch is usually done by then. */
    private static final long RETRY_PAUSE_NANOS = 1_000_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final AdminSettings settings;
    private final AgreementAccess shadowAccess;
    private final List<Shadow> shadows;
    /** Projection and agreement of each agreement parked in the rebuild; written by every writer thread. */
    private final Set<String> parked = ConcurrentHashMap.newKeySet();
    private volatile long position;

    /** One projection's handler, writing the shadow tables. */
    private record Shadow(String projection, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        void on(AgreementEvent event, Long sequence, Instant at);
    }

    /** A rebuild that stopped; the live tables are unchanged. */
    public static final class RebuildFailed extends RuntimeException {
        RebuildFailed(String message) {
            super(message);
        }
    }

    public ReadModelRebuild(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                            ObjectProvider<org.axonframework.config.Configuration> axon, AdminSettings settings,
                            AgreementStateRepository states, AgreementAccess access, ProjectionProgress progress,
                            TimelineRepository timeline, BoundaryHistoryRepository history) {
        this.jdbc = Objects.requireNonNull(jdbc, "a rebuild writes with JDBC");
        this.transactions = new TransactionTemplate(transactionManager);
        this.axon = Objects.requireNonNull(axon, "a rebuild reads events with Axon's serializers");
        this.settings = Objects.requireNonNull(settings, "a rebuild needs its settings");
        ProjectionProgress shadowProgress = progress.shadow();
        this.shadowAccess = access.shadow();
        AgreementStateProjection state = new AgreementStateProjection(states.shadow(), shadowAccess, shadowProgress);
        // the shadow timeline announces nothing: nobody reads it until it is live
        TimelineProjection entries = new TimelineProjection(timeline.shadow(), shadowProgress, new TimelineSignals());
        BoundaryHistoryProjection versions = new BoundaryHistoryProjection(history.shadow(), shadowProgress);
        this.shadows = List.of(new Shadow(Projections.AGREEMENT_STATE, state::on),
                new Shadow(Projections.TIMELINE, entries::on), new Shadow(Projections.BOUNDARY_HISTORY, versions::on));
    }

    /** The highest global index the running rebuild has applied to the shadows. */
    public long position() {
        return position;
    }

    /** Rebuilds every read model and swaps it in; on this thread, until the swap committed. */
    public synchronized void run() {
        org.axonframework.config.Configuration configuration = axon.getObject();
        StoredEvents events = new StoredEvents(jdbc, configuration.eventSerializer(), configuration.upcasterChain());
        Serializer tokens = configuration.serializer();
        parked.clear();
        position = 0;
        long started = System.nanoTime();
        ReadModelTables.emptyShadows(jdbc);
        long done = -1;
        long applied = 0;
        long waitedForReading = 0;
        Set<Long> skipped = new TreeSet<>();
        while (true) {
            Passed live = passed(tokens);
            if (live.index() - done <= settings.rebuildHandoverDistance()) {
                break;
            }
            skipped.addAll(live.gaps());
            Long[] except = skipped.toArray(Long[]::new);
            long upTo = live.index();
            // the next page is read and deserialized (its content opened) on another thread while this one is written
            ExecutorService reader = Executors.newSingleThreadExecutor(daemon("projection-rebuild-reader"));
            ExecutorService writers = settings.rebuildWriters() > 1
                    ? Executors.newFixedThreadPool(settings.rebuildWriters() - 1, daemon("projection-rebuild-writer"))
                    : null;
            try {
                long first = done;
                Future<List<StoredEvents.Event>> next = reader.submit(
                        () -> events.page(first, upTo, except, settings.rebuildPageSize()));
                while (true) {
                    long waiting = System.nanoTime();
                    List<StoredEvents.Event> page = joined(next);
                    waitedForReading += System.nanoTime() - waiting;
                    if (page.isEmpty()) {
                        done = upTo;
                        break;
                    }
                    long last = page.get(page.size() - 1).index();
                    next = reader.submit(() -> events.page(last, upTo, except, settings.rebuildPageSize()));
                    applyPage(page, writers);
                    done = last;
                    applied += page.size();
                    position = done;
                }
            } finally {
                reader.shutdownNow();
                if (writers != null) {
                    writers.shutdownNow();
                }
            }
        }
        Pages pages = new Pages(events, done, skipped.toArray(Long[]::new));
        transactions.executeWithoutResult(status -> catchUp(pages));
        handOver(pages);
        ReadModelTables.emptyShadows(jdbc);
        log.info("Rebuilt the read models ({} events in pages up to global index {}, {} gaps skipped, the rest per "
                + "agreement) and swapped them in after {} ms, {} ms of it waiting for pages to be read", applied, done,
                skipped.size(), (System.nanoTime() - started) / 1_000_000, waitedForReading / 1_000_000);
    }

    /** Where the pages stopped: every event up to {@code done} but the {@code skipped} ones is in the shadows. */
    private record Pages(StoredEvents events, long done, Long[] skipped) {
    }

    /**
     * The swap, in one transaction: every live table and shadow locked, the processor's token rows held, the shadows
     * brought to exactly what the live tables hold, the erased agreements' access adopted, the names traded.
     * <p>
     * The tables are locked ACCESS EXCLUSIVE with NOWAIT, tried again and again (at most for the lock timeout per
     * transaction, for the claim timeout in all): a live batch holds the tables it read until it commits, so a lock
     * that waited would wait for a batch that waits for it, and a reader of two tables could deadlock with a swap
     * that holds one of them. Without waiting the swap is never part of a deadlock; readers wait for it only while
     * it holds the locks, and nobody reads a table the batches cannot write. The token rows are then free or held by
     * a claim that commits on its own.
     */
    private void handOver(Pages pages) {
        long deadline = System.nanoTime() + settings.replayClaimTimeout().toNanos();
        String tables = String.join(", ", ReadModelTables.ALL) + ", "
                + String.join(", ", ReadModelTables.ALL.stream().map(ReadModelTables::shadowOf).toList());
        while (true) {
            Boolean swapped = transactions.execute(status -> {
                long tryUntil = System.nanoTime() + settings.rebuildLockTimeout().toNanos();
                jdbc.execute("SET LOCAL lock_timeout = '" + settings.rebuildLockTimeout().toMillis() + "ms'");
                while (true) {
                    Object savepoint = status.createSavepoint();
                    try {
                        jdbc.execute("LOCK TABLE " + tables + " IN ACCESS EXCLUSIVE MODE NOWAIT");
                        status.releaseSavepoint(savepoint);
                        break;
                    } catch (PessimisticLockingFailureException busy) {
                        status.rollbackToSavepoint(savepoint);
                        if (System.nanoTime() > tryUntil) {
                            return false;
                        }
                        LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                    }
                }
                jdbc.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? FOR UPDATE",
                        Integer.class, Projections.PROCESSOR);
                catchUp(pages);
                shadowAccess.adoptErasedFromLive();
                ReadModelTables.swap(jdbc);
                return true;
            });
            if (Boolean.TRUE.equals(swapped)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RebuildFailed("the read models stayed busy for " + settings.replayClaimTimeout());
            }
            log.debug("The read models are busy, the hand-over tries again");
            transactions.executeWithoutResult(status -> catchUp(pages));
        }
    }

    /**
     * Brings each agreement that has events the pages did not apply to what the live tables applied of it, projection
     * by projection: nothing is applied that the live tables do not have yet. In rounds of about a page of events.
     */
    private void catchUp(Pages pages) {
        Map<String, Map<String, Long>> limits = new HashMap<>();
        Map<String, long[]> ranges = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT l.projection, l.agreement_id::text, coalesce(s.last_sequence, -1), l.last_sequence
                        FROM (SELECT DISTINCT aggregate_identifier FROM domain_event_entry
                              WHERE global_index > ? OR global_index = ANY (?)) e
                        JOIN projection_progress l ON l.agreement_id::text = e.aggregate_identifier
                        LEFT JOIN projection_progress_shadow s
                          ON s.projection = l.projection AND s.agreement_id = l.agreement_id
                        WHERE l.last_sequence > coalesce(s.last_sequence, -1)""",
                rs -> {
                    String agreement = rs.getString(2);
                    if (!parked.isEmpty() && parked.contains(rs.getString(1) + "/" + agreement)) {
                        return;
                    }
                    long shadow = rs.getLong(3);
                    long live = rs.getLong(4);
                    limits.computeIfAbsent(rs.getString(1), p -> new HashMap<>()).put(agreement, live);
                    long[] range = ranges.computeIfAbsent(agreement, a -> new long[]{shadow, live});
                    range[0] = Math.min(range[0], shadow);
                    range[1] = Math.max(range[1], live);
                }, pages.done(), pages.skipped());
        List<String> round = new ArrayList<>();
        long events = 0;
        for (Map.Entry<String, long[]> range : ranges.entrySet()) {
            round.add(range.getKey());
            events += range.getValue()[1] - range.getValue()[0];
            if (events >= settings.rebuildPageSize()) {
                catchUp(pages.events(), round, ranges, limits);
                round.clear();
                events = 0;
            }
        }
        catchUp(pages.events(), round, ranges, limits);
    }

    private void catchUp(StoredEvents events, List<String> agreements, Map<String, long[]> ranges,
                         Map<String, Map<String, Long>> limits) {
        if (agreements.isEmpty()) {
            return;
        }
        long[] lows = new long[agreements.size()];
        long[] highs = new long[agreements.size()];
        for (int i = 0; i < agreements.size(); i++) {
            lows[i] = ranges.get(agreements.get(i))[0];
            highs[i] = ranges.get(agreements.get(i))[1];
        }
        List<StoredEvents.Event> missing = events.ranges(agreements.toArray(String[]::new), lows, highs);
        if (!missing.isEmpty()) {
            apply(missing, limits);
            position = Math.max(position, missing.stream().mapToLong(StoredEvents.Event::index).max().orElse(0));
        }
    }

    /**
     * A page, split by agreement among the writers ({@code agreements.admin.rebuild-writers}): each writer applies
     * its agreements' events, in order, in its own unit of work and transaction, this thread one of them. No two
     * writers touch the same agreement's rows, and the pages' position moves on only once every part committed; a
     * part that fails fails the rebuild, as a page that fails does (the shadows are emptied when the next starts).
     */
    private void applyPage(List<StoredEvents.Event> page, ExecutorService writers) {
        int parts = writers == null ? 1 : settings.rebuildWriters();
        if (parts == 1) {
            transactions.executeWithoutResult(status -> apply(page, null));
            return;
        }
        List<List<StoredEvents.Event>> split = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            split.add(new ArrayList<>(page.size() / parts + 16));
        }
        for (StoredEvents.Event message : page) {
            split.get(Math.floorMod(message.agreementId().hashCode(), parts)).add(message);
        }
        List<Future<?>> others = new ArrayList<>();
        for (List<StoredEvents.Event> part : split.subList(1, parts)) {
            if (!part.isEmpty()) {
                others.add(writers.submit(() -> transactions.executeWithoutResult(status -> apply(part, null))));
            }
        }
        RuntimeException failed = null;
        try {
            if (!split.get(0).isEmpty()) {
                transactions.executeWithoutResult(status -> apply(split.get(0), null));
            }
        } catch (RuntimeException e) {
            failed = e;
        }
        for (Future<?> other : others) {
            try {
                joined(other);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Hands the events to every projection's shadow handler in one unit of work (so each projection writes each
     * agreement's rows once, when it commits); with {@code limits}, a projection gets an agreement's event only up
     * to the sequence given for it.
     */
    private void apply(List<StoredEvents.Event> events, Map<String, Map<String, Long>> limits) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage(events.get(0).payload()));
        try {
            for (StoredEvents.Event message : events) {
                if (!(message.payload() instanceof AgreementEvent event)) {
                    continue;
                }
                String agreement = message.agreementId();
                long sequence = message.sequence();
                for (Shadow shadow : shadows) {
                    if (limits != null && sequence > limits.getOrDefault(shadow.projection(), Map.of())
                            .getOrDefault(agreement, -1L)) {
                        continue;
                    }
                    // almost always empty: no key is built for every event and projection then
                    if (!parked.isEmpty() && parked.contains(shadow.projection() + "/" + agreement)) {
                        continue;
                    }
                    try {
                        shadow.handler().on(event, sequence, message.at());
                    } catch (DataAccessException e) {
                        throw e;
                    } catch (RuntimeException rejected) {
                        park(shadow.projection(), agreement, sequence, rejected);
                    }
                }
            }
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** A rejected event: parked in the rebuild where the live processor parked the agreement too, else fatal. */
    private void park(String projection, String agreement, long sequence, RuntimeException rejected) {
        Boolean parkedLive = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM dead_letter_entry "
                + "WHERE processing_group = ? AND sequence_identifier = ?)", Boolean.class, projection, agreement);
        // the class only: a message may quote content (see ContentFreeFailures)
        if (Boolean.TRUE.equals(parkedLive)) {
            log.warn("Rebuild: {} rejected event {} of agreement {} ({}), parked there live too: its rebuilt rows "
                    + "stop before it", projection, sequence, agreement, rejected.getClass().getName());
            parked.add(projection + "/" + agreement);
            return;
        }
        throw new RebuildFailed("projection " + projection + " rejected event " + sequence + " of agreement "
                + agreement + " (" + rejected.getClass().getName() + "), which the live projection applied");
    }

    /**
     * What every segment of the live processor has passed: each event up to the lowest index of their gap-aware
     * tokens, except the gaps below it (an event in a gap is not applied yet: it was not committed when the token
     * moved past it, and the live processor applies it when it appears). Index -1 while a segment has no token.
     */
    private Passed passed(Serializer serializer) {
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> {
                    byte[] bytes = rs.getBytes(1);
                    return bytes == null ? null : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(2), null));
                }, Projections.PROCESSOR);
        return Passed.of(tokens);
    }

    /** See {@link #passed(Serializer)}. */
    record Passed(long index, Set<Long> gaps) {

        static Passed of(List<TrackingToken> tokens) {
            long index = tokens.isEmpty() ? -1 : Long.MAX_VALUE;
            Set<Long> gaps = new TreeSet<>();
            for (TrackingToken token : tokens) {
                TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
                if (lower instanceof GapAwareTrackingToken gapAware) {
                    index = Math.min(index, gapAware.getIndex());
                    gaps.addAll(gapAware.getGaps());
                } else {
                    index = Math.min(index, lower == null ? -1 : lower.position().orElse(-1));
                }
            }
            long upTo = index;
            gaps.removeIf(gap -> gap > upTo);
            return new Passed(index, gaps);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What another thread of the rebuild answered (a page read, a part written), or what stopped it, as thrown. */
    private static <T> T joined(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailed("interrupted while reading or writing a page");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
