package org.wangwu.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.body.BodyMember;
import org.wangwu.consultation.matter.Evaluation;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.matter.Progress;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.matter.StepRecord;
import org.wangwu.consultation.meeting.Attendance;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Meeting;
import org.wangwu.consultation.suggestion.Suggestion;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.module.DemoSeed;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;
import org.wangwu.platform.time.PlatformClock;

/**
 * Half a year of consultation in every village of a demo county: standing bodies drawn from the
 * register, suggestions, matters at every step (most closed after all six, some by a lighter form,
 * one withdrawn), their meetings and evaluations. The daily facts are then those the recount finds,
 * so the dashboards start from exactly what the records say. The same county always gets the same story.
 */
@ApplicationScoped
public class ConsultationDemoSeed implements DemoSeed {

    private static final int DAYS = 180;
    private static final String SEEDER = "system:demo-data";

    /** A plausible matter: category, title, what it costs, and the procedure a village would use. */
    private record Story(String category, String title, int amount, boolean light) {
    }

    private static final List<Story> STORIES = List.of(
            new Story("COLLECTIVE_INCOME", "村集体光伏收益分配方案", 120_000, false),
            new Story("PUBLIC_WORKS", "修建村文化广场", 260_000, false),
            new Story("PUBLIC_WORKS", "维修村东灌溉渠", 45_000, false),
            new Story("LAND_CONTRACTING", "村南土地流转发包方案", 0, false),
            new Story("HOMESTEAD", "年度宅基地安排方案", 0, false),
            new Story("COMPENSATION", "高速公路征地补偿款分配", 830_000, false),
            new Story("VILLAGE_COVENANT", "修订村规民约（红白事简办）", 0, false),
            new Story("ENVIRONMENT", "垃圾分类定时投放点设置", 0, true),
            new Story("NEIGHBOURHOOD", "院落停车位划分", 0, true),
            new Story("ENVIRONMENT", "河道保洁轮值安排", 0, true));

    private static final List<String> SUGGESTIONS = List.of("路灯坏了好久，建议维修。", "希望在村口设置快递代收点。",
            "建议给老年人活动室装空调。", "村里的垃圾桶太少。", "建议组织农技培训。", "希望修一条健身步道。");

    @Inject
    TenantTransactions tx;

    @Inject
    PlaceDirectory places;

    @Inject
    ConsultationRecount recount;

    @Inject
    DailyFacts facts;

    @Inject
    PlatformClock clock;

    @Override
    public Uni<Void> seed(CountyCode county) {
        Random random = new Random(county.value().hashCode());
        Instant start = clock.now().minus(Duration.ofDays(DAYS));
        return tx.inCounty(county, s -> places.villages(s)).chain(villages -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VillageView v : villages) {
                chain = chain.chain(() -> tx.inCounty(county, s -> places.residentsOfVillage(s, v.code())
                        .chain(people -> village(s, v.code(), people, random, start))));
            }
            return chain;
        }).chain(() -> tx.inCounty(county, s -> recount.recount(s, county).chain(values -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var f : values) {
                chain = chain.chain(() -> facts.record(s, county, ConsultationModule.KEY, f.fact(), f.day(),
                        f.placeCode(), f.dimension(), f.value()));
            }
            return chain;
        })));
    }

    private Uni<Void> village(Mutiny.Session s, String village, List<ResidentView> people, Random random, Instant start) {
        List<ResidentView> adults = people.stream().filter(p -> p.birthDate() != null
                && p.birthDate().plusYears(18).isBefore(clock.today())).toList();
        List<ResidentView> party = people.stream().filter(ResidentView::partyMember).toList();
        List<ResidentView> reps = people.stream().filter(ResidentView::representative).toList();
        if (adults.size() < 6 || party.isEmpty() || reps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> rows = new ArrayList<>();
        List<ResidentView> branch = new ArrayList<>(party);
        List<ResidentView> committees = new ArrayList<>(party);
        reps.stream().filter(r -> !committees.contains(r)).limit(3).forEach(committees::add);
        List<ResidentView> supervision = adults.stream().filter(a -> !committees.contains(a)).limit(3).toList();
        branch.forEach(p -> rows.add(member(village, Body.PARTY_BRANCH, p, start)));
        committees.forEach(p -> rows.add(member(village, Body.TWO_COMMITTEES, p, start)));
        supervision.forEach(p -> rows.add(member(village, Body.SUPERVISION_COMMITTEE, p, start)));
        for (int i = 0; i < 5; i++) {
            rows.add(suggestion(village, adults.get(random.nextInt(adults.size())), random, start));
        }
        int count = 6 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            Story story = STORIES.get(random.nextInt(STORIES.size()));
            Instant opened = start.plus(Duration.ofDays(random.nextInt(DAYS - 5))).plus(Duration.ofHours(9));
            new MatterStory(village, story, opened, random, rows, adults, branch, committees, party, reps)
                    .tell(i == 0);
        }
        return s.persistAll(rows.toArray());
    }

    /** Writes one matter's rows from its opening up to today, step by step. */
    private final class MatterStory {
        private final Matter m = new Matter();
        private final Random random;
        private final List<Object> rows;
        private final List<ResidentView> adults;
        private final List<ResidentView> branch;
        private final List<ResidentView> committees;
        private final List<ResidentView> party;
        private final List<ResidentView> reps;
        private Instant at;

        MatterStory(String village, Story story, Instant opened, Random random, List<Object> rows, List<ResidentView> adults,
                    List<ResidentView> branch, List<ResidentView> committees, List<ResidentView> party,
                    List<ResidentView> reps) {
            this.random = random;
            this.rows = rows;
            this.adults = adults;
            this.branch = branch;
            this.committees = committees;
            this.party = party;
            this.reps = reps;
            m.id = UUID.randomUUID();
            m.villageCode = village;
            m.category = story.category();
            m.title = story.title();
            m.description = story.title() + "，经村民建议提出，按程序议事协商。";
            m.estimatedAmount = story.amount() == 0 ? null : BigDecimal.valueOf(story.amount());
            m.procedure = story.light() ? Matter.Procedure.LIGHT : Matter.Procedure.FULL;
            m.form = story.light() ? "COURTYARD" : null;
            m.createdBy = SEEDER;
            m.createdAt = opened;
            at = opened;
            rows.add(m);
        }

        void tell(boolean withdraw) {
            if (m.procedure == Matter.Procedure.LIGHT) {
                if (!pass(Step.LIGHT_MEETING, Body.LIGHT_FORM, adults.subList(0, Math.min(8, adults.size())))) {
                    return;
                }
                m.outcome = "经院落会协商一致，按方案执行。";
                stay(Step.CLOSED, null);
                return;
            }
            if (!pass(Step.PROPOSAL, Body.PARTY_BRANCH, branch) || !pass(Step.DELIBERATION, Body.TWO_COMMITTEES, committees)) {
                return;
            }
            if (withdraw) {
                leaveWith(Step.REVIEW, StepRecord.Result.FAILED, 3);
                meeting(Step.REVIEW, Body.PARTY_MEMBERS, party, Meeting.Status.REJECTED);
                stay(Step.WITHDRAWN, null);
                return;
            }
            if (!pass(Step.REVIEW, Body.PARTY_MEMBERS, party)) {
                return;
            }
            m.resolution = "同意" + m.title + "，按公示后的方案组织实施。";
            if (!pass(Step.RESOLUTION, Body.REPRESENTATIVES_MEETING, reps)
                    || !window(Step.RESOLUTION_DISCLOSURE, 7)) {
                return;
            }
            int days = 10 + random.nextInt(40);
            if (!enough(days)) {
                stay(Step.IMPLEMENTATION, null);
                progress(Progress.Kind.PROGRESS, "已开工，进度约一半。", 50, null, at.plus(Duration.ofDays(3)));
                return;
            }
            progress(Progress.Kind.PROGRESS, "按决议完成实施。", 100, null, at.plus(Duration.ofDays(days - 2)));
            progress(Progress.Kind.SUPERVISION, "村务监督委员会查验合格。", null, true, at.plus(Duration.ofDays(days - 1)));
            leaveWith(Step.IMPLEMENTATION, StepRecord.Result.PASSED, days);
            m.resultSummary = m.title + "已完成，资金使用情况已张榜公布。";
            if (!window(Step.RESULT_DISCLOSURE, 7)) {
                return;
            }
            List<ResidentView> voters = new ArrayList<>(adults);
            java.util.Collections.shuffle(voters, random);
            java.util.Set<UUID> households = new java.util.HashSet<>();
            for (ResidentView v : voters.subList(0, Math.min(voters.size(), 6))) {
                if (households.add(v.householdId())) {
                    int r = random.nextInt(10);
                    Evaluation.Rating rating = r < 7 ? Evaluation.Rating.SATISFIED
                            : r < 9 ? Evaluation.Rating.BASICALLY_SATISFIED : Evaluation.Rating.UNSATISFIED;
                    rows.add(Evaluation.of(m.id, v.householdId(), rating, null, SEEDER,
                            at.plus(Duration.ofDays(1 + random.nextInt(5)))));
                }
            }
            if (!enough(15)) {
                stay(Step.EVALUATION, null);
                return;
            }
            leaveWith(Step.EVALUATION, StepRecord.Result.PASSED, 15);
            stay(Step.CLOSED, null);
        }

        /** A meeting step passed some days after the step began, if those days have already gone by. */
        private boolean pass(Step step, Body body, List<ResidentView> members) {
            int days = 1 + random.nextInt(7);
            if (!enough(days)) {
                stay(step, null);
                return false;
            }
            Instant entered = at;
            at = at.plus(Duration.ofDays(days));
            meeting(step, body, members, body == Body.LIGHT_FORM ? Meeting.Status.RECORDED : Meeting.Status.PASSED);
            record(step, entered, at, StepRecord.Result.PASSED);
            return true;
        }

        private boolean window(Step step, int days) {
            if (!enough(days)) {
                stay(step, at.plus(Duration.ofDays(days)));
                return false;
            }
            leaveWith(step, StepRecord.Result.PASSED, days);
            return true;
        }

        private void leaveWith(Step step, StepRecord.Result result, int days) {
            Instant entered = at;
            at = at.plus(Duration.ofDays(days));
            record(step, entered, at, result);
        }

        private boolean enough(int days) {
            return at.plus(Duration.ofDays(days)).isBefore(clock.now());
        }

        /** The matter stops at {@code step} (entered now, not yet left). */
        private void stay(Step step, Instant windowEnds) {
            m.step = step;
            m.stepSince = at;
            m.disclosureEndsAt = windowEnds;
            if (step.isFinal()) {
                m.closedAt = at;
            }
            record(step, at, null, null);
        }

        private void record(Step step, Instant entered, Instant left, StepRecord.Result result) {
            rows.add(StepRecord.of(m.id, step, entered, left, result));
        }

        private void meeting(Step step, Body body, List<ResidentView> members, Meeting.Status status) {
            Meeting x = new Meeting();
            x.id = UUID.randomUUID();
            x.matterId = m.id;
            x.step = step;
            x.body = body;
            x.heldOn = ConsultationFacts.day(at);
            x.status = status;
            // Everyone comes to the small bodies; a representatives' meeting needs more than two thirds anyway.
            List<ResidentView> present = members;
            x.present = present.size();
            x.expected = body == Body.LIGHT_FORM ? null : members.size();
            int against = status == Meeting.Status.REJECTED ? present.size() : present.size() > 3 ? random.nextInt(2) : 0;
            x.votesFor = body == Body.LIGHT_FORM ? null : present.size() - against;
            x.votesAgainst = body == Body.LIGHT_FORM ? null : against;
            x.votesAbstain = body == Body.LIGHT_FORM ? null : 0;
            x.voteMode = body == Body.LIGHT_FORM ? null : Meeting.VoteMode.TOTALS;
            x.minutes = body.zh() + "就“" + m.title + "”进行了讨论。";
            x.outcome = status == Meeting.Status.REJECTED ? "未通过" : "通过";
            x.recordedBy = SEEDER;
            x.openedAt = at.minus(Duration.ofHours(2));
            x.concludedAt = at;
            rows.add(x);
            present.forEach(p -> rows.add(Attendance.of(x.id, p, null, null)));
        }

        private void progress(Progress.Kind kind, String note, Integer percent, Boolean approved, Instant when) {
            rows.add(Progress.of(m.id, kind, note, percent, approved, SEEDER, when));
        }
    }

    private static BodyMember member(String village, Body body, ResidentView p, Instant at) {
        BodyMember m = new BodyMember();
        m.id = UUID.randomUUID();
        m.villageCode = village;
        m.body = body;
        m.residentId = p.id();
        m.residentName = p.name();
        m.position = "委员";
        m.addedBy = SEEDER;
        m.addedAt = at;
        return m;
    }

    private Suggestion suggestion(String village, ResidentView author, Random random, Instant start) {
        Suggestion x = new Suggestion();
        x.id = UUID.randomUUID();
        x.villageCode = village;
        x.category = random.nextBoolean() ? "PUBLIC_WORKS" : "ENVIRONMENT";
        x.text = SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size()));
        x.author = author.accountUsername() != null ? author.accountUsername() : SEEDER;
        x.authorName = author.name();
        x.submittedAt = start.plus(Duration.ofDays(random.nextInt(DAYS - 1)));
        boolean answered = random.nextBoolean();
        x.status = answered ? Suggestion.Status.REPLIED : Suggestion.Status.OPEN;
        if (answered) {
            x.reply = "感谢建议，村两委已安排落实。";
            x.answeredBy = SEEDER;
            x.answeredAt = x.submittedAt.plus(Duration.ofDays(2));
        }
        return x;
    }
}
