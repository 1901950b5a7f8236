package org.wangwu.disputes.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a case reached the mediators. */
@Schema(description = "How a case reached the mediators: WALK_IN (in person, 来访), HOTLINE (热线), ONLINE (filed by a resident), GRID (reported by a grid worker), REFERRAL (from police, a court or a petition office)")
public enum Channel {
    /** In person at a mediation room (来访). */
    WALK_IN,
    /** By the hotline (热线). */
    HOTLINE,
    /** Filed online by a resident for themself. */
    ONLINE,
    /** Reported by a grid worker from the field (网格员上报). */
    GRID,
    /** Referred by police, a court or a petition office (诉调/警调/访调对接). */
    REFERRAL
}
