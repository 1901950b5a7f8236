package org.wangwu.consultation.matter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import org.wangwu.consultation.meeting.Body;

/**
 * Where a matter stands. The full procedure is "four discussions, two disclosures" (四议两公开):
 * proposal, deliberation, review and resolution are meetings; the resolution and the result of its
 * implementation are each disclosed for the county's days; villagers then evaluate. A lighter form
 * (院落会, 议事会...) is one meeting that records attendance, minutes and outcome.
 */
@Schema(name = "MatterStep", description = "The steps of a consultation matter (四议两公开): PROPOSAL (党支部提议), DELIBERATION (两委商议), REVIEW (党员大会审议), RESOLUTION (村民会议或村民代表会议决议), RESOLUTION_DISCLOSURE (决议公开), IMPLEMENTATION, RESULT_DISCLOSURE (实施结果公开), EVALUATION (households evaluate), LIGHT_MEETING (the lighter form's one meeting), CLOSED, WITHDRAWN")
public enum Step {
    PROPOSAL("提议", List.of(Body.PARTY_BRANCH)),
    DELIBERATION("商议", List.of(Body.TWO_COMMITTEES)),
    REVIEW("审议", List.of(Body.PARTY_MEMBERS)),
    RESOLUTION("决议", List.of(Body.VILLAGERS_MEETING, Body.REPRESENTATIVES_MEETING)),
    RESOLUTION_DISCLOSURE("决议公开", List.of()),
    IMPLEMENTATION("组织实施", List.of()),
    RESULT_DISCLOSURE("实施结果公开", List.of()),
    EVALUATION("群众评议", List.of()),
    LIGHT_MEETING("议事", List.of(Body.LIGHT_FORM)),
    CLOSED("办结", List.of()),
    WITHDRAWN("终止", List.of());

    /** The six steps a matter of the full procedure must pass to count as completed. */
    public static final List<Step> SIX_STEPS = List.of(PROPOSAL, DELIBERATION, REVIEW, RESOLUTION,
            RESOLUTION_DISCLOSURE, RESULT_DISCLOSURE);

    /** The steps a failed meeting may send a matter back to. */
    public static final List<Step> MEETING_STEPS = List.of(PROPOSAL, DELIBERATION, REVIEW, RESOLUTION);

    private final String zh;
    private final List<Body> bodies;

    Step(String zh, List<Body> bodies) {
        this.zh = zh;
        this.bodies = bodies;
    }

    public String zh() {
        return zh;
    }

    /** The bodies whose meeting decides this step; empty for steps that are not meetings. */
    public List<Body> bodies() {
        return bodies;
    }

    public boolean isMeeting() {
        return !bodies.isEmpty();
    }

    public boolean isFinal() {
        return this == CLOSED || this == WITHDRAWN;
    }

    /** The step after this one passes, in the full procedure. */
    public Step next() {
        return switch (this) {
            case PROPOSAL -> DELIBERATION;
            case DELIBERATION -> REVIEW;
            case REVIEW -> RESOLUTION;
            case RESOLUTION -> RESOLUTION_DISCLOSURE;
            case RESOLUTION_DISCLOSURE -> IMPLEMENTATION;
            case IMPLEMENTATION -> RESULT_DISCLOSURE;
            case RESULT_DISCLOSURE -> EVALUATION;
            case EVALUATION, LIGHT_MEETING -> CLOSED;
            case CLOSED, WITHDRAWN -> this;
        };
    }

    /** "REVIEW (审议)", the way problems name a step. */
    public String label() {
        return name() + " (" + zh + ")";
    }
}
