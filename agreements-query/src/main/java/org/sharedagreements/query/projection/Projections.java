package org.sharedagreements.query.projection;

import java.util.List;

/**
 * The names of the read side's projections. Each is a processing group (with its own dead-letter queue and
 * progress); all three are handled by one event processor, {@link #PROCESSOR}, so every event is read from the
 * store and deserialized (and its content decrypted) once for all of them, and a batch is one transaction.
 */
public final class Projections {

    /** The agreement-state document and who may see which agreement. */
    public static final String AGREEMENT_STATE = "agreement-state";
    /** One row per event: the timeline partners and counsellors page through. */
    public static final String TIMELINE = "agreement-timeline";
    /** Every version of every boundary with its terms and outcome. */
    public static final String BOUNDARY_HISTORY = "boundary-history";

    public static final List<String> ALL = List.of(AGREEMENT_STATE, TIMELINE, BOUNDARY_HISTORY);

    /** The pooled streaming event processor of every projection: tokens, segments and replays are its. */
    public static final String PROCESSOR = "read-models";

    private Projections() {
    }
}
