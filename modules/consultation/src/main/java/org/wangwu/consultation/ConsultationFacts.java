package org.wangwu.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.matter.StepRecord;
import org.wangwu.consultation.meeting.Meeting;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * The module's daily facts, recorded in the transaction of the change that causes them, per village.
 * {@link ConsultationRecount} computes the same facts from the module's tables.
 */
@ApplicationScoped
public class ConsultationFacts {

    public static final String MATTERS_OPENED = "matters-opened";
    public static final String MATTERS_AT_STEP = "matters-at-step";
    public static final String STEPS_PASSED = "steps-passed";
    public static final String STEP_DAYS = "step-days";
    public static final String MATTERS_CLOSED = "matters-closed";
    public static final String MATTERS_COMPLETED = "matters-completed";
    public static final String ATTENDANCE_PRESENT = "attendance-present";
    public static final String ATTENDANCE_EXPECTED = "attendance-expected";
    public static final String EVALUATIONS = "evaluations";
    public static final String SUGGESTIONS = "suggestions-received";

    @Inject
    DailyFacts facts;

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PlatformClock.ZONE);
    }

    /** Whole days between entering and leaving a step, by the calendar in China. */
    public static long daysAt(Instant entered, Instant left) {
        return ChronoUnit.DAYS.between(day(entered), day(left));
    }

    public Uni<Void> matterOpened(Mutiny.Session s, CountyCode county, Matter m) {
        return add(s, county, MATTERS_OPENED, day(m.createdAt), m.villageCode, m.category, 1);
    }

    public Uni<Void> suggestionReceived(Mutiny.Session s, CountyCode county, String village, String category, Instant at) {
        return add(s, county, SUGGESTIONS, day(at), village, category, 1);
    }

    /** A step left: a pass counts with the days it took; then the levels of both steps the matter moved between. */
    public Uni<Void> stepLeft(Mutiny.Session s, CountyCode county, Matter m, StepRecord left, Step entered) {
        Uni<Void> passed = left.result != StepRecord.Result.PASSED ? Uni.createFrom().voidItem()
                : add(s, county, STEPS_PASSED, day(left.leftAt), m.villageCode, left.step.name(), 1)
                .chain(() -> add(s, county, STEP_DAYS, day(left.leftAt), m.villageCode, left.step.name(),
                        daysAt(left.enteredAt, left.leftAt)));
        return passed.chain(() -> levels(s, county, m.villageCode, List.of(left.step, entered), day(left.leftAt)));
    }

    /**
     * How many of the village's matters stand at each of {@code steps} at the end of {@code day}, from the step
     * records; and, where a clock ran ahead (another node's), the levels of later days already recorded, which
     * now count this change too. The same SQL as the recount's, so the two cannot disagree.
     */
    public Uni<Void> levels(Mutiny.Session s, CountyCode county, String village, List<Step> steps, LocalDate day) {
        return s.createNativeQuery("select l.day, l.step, l.matters from (" + ConsultationRecount.LEVELS_AT_STEP
                        + ") l(day, village_code, step, matters) where l.village_code = :v and l.step in (:steps)"
                        + " and l.day >= :day", Object[].class)
                .setParameter("v", village).setParameter("steps", steps.stream().map(Step::name).distinct().toList())
                .setParameter("day", day).getResultList()
                .chain(levels -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] level : levels) {
                        chain = chain.chain(() -> facts.record(s, county, ConsultationModule.KEY, MATTERS_AT_STEP,
                                LocalDate.parse(level[0].toString()), village, (String) level[1],
                                ((Number) level[2]).longValue()));
                    }
                    return chain;
                });
    }

    public Uni<Void> matterClosed(Mutiny.Session s, CountyCode county, Matter m, boolean completedAllSix) {
        Uni<Void> closed = add(s, county, MATTERS_CLOSED, day(m.closedAt), m.villageCode, m.category, 1);
        return !completedAllSix ? closed
                : closed.chain(() -> add(s, county, MATTERS_COMPLETED, day(m.closedAt), m.villageCode, m.category, 1));
    }

    /** A meeting that had a quorum to check: who was expected and who came, by body. */
    public Uni<Void> meetingConcluded(Mutiny.Session s, CountyCode county, String village, Meeting meeting) {
        if (meeting.expected == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate on = day(meeting.concludedAt);
        return add(s, county, ATTENDANCE_PRESENT, on, village, meeting.body.name(), meeting.present)
                .chain(() -> add(s, county, ATTENDANCE_EXPECTED, on, village, meeting.body.name(), meeting.expected));
    }

    public Uni<Void> evaluated(Mutiny.Session s, CountyCode county, String village, String rating, Instant at) {
        return add(s, county, EVALUATIONS, day(at), village, rating, 1);
    }

    private Uni<Void> add(Mutiny.Session s, CountyCode county, String fact, LocalDate day, String village,
                          String dimension, long amount) {
        return facts.record(s, county, ConsultationModule.KEY, fact, day, village, dimension, amount);
    }
}
