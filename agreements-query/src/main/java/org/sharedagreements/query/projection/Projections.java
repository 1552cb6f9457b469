package org.sharedagreements.query.projection;

import java.util.List;

/** The names of the read side's projections; each is a processing group and the name of its event processor. */
public final class Projections {

    /** The agreement-state document and who may see which agreement. */
    public static final String AGREEMENT_STATE = "agreement-state";
    /** One row per event: the timeline partners and counsellors page through. */
    public static final String TIMELINE = "agreement-timeline";
    /** Every version of every boundary with its terms and outcome. */
    public static final String BOUNDARY_HISTORY = "boundary-history";

    public static final List<String> ALL = List.of(AGREEMENT_STATE, TIMELINE, BOUNDARY_HISTORY);

    private Projections() {
    }
}
