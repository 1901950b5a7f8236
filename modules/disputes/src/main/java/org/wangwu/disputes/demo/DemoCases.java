package org.wangwu.disputes.demo;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.platform.document.DocumentTemplate;
import org.wangwu.disputes.cases.Assignment;
import org.wangwu.disputes.cases.CaseFile;
import org.wangwu.disputes.cases.CaseFiles;
import org.wangwu.disputes.cases.CaseParty;
import org.wangwu.disputes.cases.CasePath;
import org.wangwu.disputes.cases.CasePath.Change;
import org.wangwu.disputes.cases.CaseRequests.FollowUp;
import org.wangwu.disputes.cases.CaseState;
import org.wangwu.disputes.cases.Channel;
import org.wangwu.disputes.cases.DisputeCase;
import org.wangwu.disputes.cases.Escalations;
import org.wangwu.disputes.cases.FollowUpService;
import org.wangwu.disputes.cases.IntakeService;
import org.wangwu.disputes.cases.Level;
import org.wangwu.disputes.cases.MediationService;
import org.wangwu.disputes.cases.MediationSession;
import org.wangwu.disputes.cases.TriageService;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.DemoSeed;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;
import org.wangwu.platform.time.PlatformClock;

/**
 * Six months of plausible cases for a demo county, worked along the same path as real ones (steps,
 * audit, events and daily facts, back-dated): most settled in the village, some escalated, some
 * overdue, referred out, judicially confirmed, followed up and closed, and the newest still open.
 */
@ApplicationScoped
public class DemoCases implements DemoSeed {

    private static final int CASES = 60;
    private static final int DAYS = 180;
    private static final String[] TITLES = {"院墙滴水纠纷", "宅基地界址争议", "赡养老人纠纷", "借款未还纠纷", "务工工资拖欠",
        "承包地边界争议", "养殖异味扰邻", "婚后财产分割", "道路通行纠纷", "农机损坏赔偿"};
    private static final String[] OUTSIDERS = {"外村承包人刘某", "施工队负责人陈某", "养殖户周某", "外地务工人员孙某"};

    /** The demo realm's mediators, by the committee they sit on; elsewhere a committee's name stands in. */
    private static final Map<String, String> REALM_MEDIATORS = Map.of("419001100201", "jiyuan-mediator",
            "419001100", "jiyuan-township-mediator", "419001", "jiyuan-county-mediator", "330523", "anji-mediator");

    @Inject
    TenantTransactions tx;

    @Inject
    PlaceDirectory places;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    Escalations escalations;

    @Inject
    MediationService mediation;

    @Inject
    FollowUpService followUps;

    @Inject
    PlatformClock clock;

    @Override
    public Uni<Void> seed(CountyCode county) {
        Caller seeder = Caller.system("demo-data", county, Role.COUNTY_ADMIN);
        Random random = new Random(county.value().hashCode());
        return tx.inCounty(county, s -> places.villages(s).chain(villages -> {
            Map<String, List<ResidentView>> people = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VillageView v : villages) {
                chain = chain.chain(() -> places.residentsOfVillage(s, v.code(), 40).invoke(r -> people.put(v.code(), r))
                        .replaceWithVoid());
            }
            return chain.replaceWith(() -> new Plan(villages, people));
        })).chain(plan -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (plan.villages().isEmpty()) {
                return chain;
            }
            for (int i = 0; i < CASES; i++) {
                int age = (CASES - 1 - i) * DAYS / CASES;
                VillageView village = plan.villages().get(random.nextInt(plan.villages().size()));
                List<ResidentView> residents = plan.people().getOrDefault(village.code(), List.of());
                long seed = random.nextLong();
                chain = chain.chain(() -> tx.inCounty(county, s -> files.rules(s).chain(rules ->
                        seedCase(s, county, seeder, rules, new Random(seed), village, residents, age))));
            }
            return chain;
        });
    }

    private record Plan(List<VillageView> villages, Map<String, List<ResidentView>> people) {
    }

    /** One case received {@code age} days ago, taken as far along its path as its age and luck allow. */
    private Uni<Void> seedCase(Mutiny.Session s, CountyCode county, Caller seeder, DisputesRules rules, Random r,
                               VillageView village, List<ResidentView> residents, int age) {
        Instant now = clock.now();
        Instant received = now.minus(Duration.ofDays(age)).minus(Duration.ofHours(r.nextInt(8)));
        DisputeCase c = new DisputeCase();
        c.id = UUID.randomUUID();
        c.tenantId = county.value();
        c.receivedAt = received;
        c.number = IntakeService.caseNumber(county, c);
        c.channel = pick(r, Channel.WALK_IN, Channel.WALK_IN, Channel.GRID, Channel.GRID, Channel.HOTLINE,
                Channel.REFERRAL, Channel.ONLINE);
        if (c.channel == Channel.REFERRAL) {
            c.referralBody = pick(r, DisputeCase.ReferralBody.values());
            c.referralName = c.referralBody == DisputeCase.ReferralBody.POLICE ? "派出所" : "人民法院诉前调解";
        }
        c.villageCode = village.code();
        c.townshipCode = village.townshipCode();
        c.title = village.nameZh() + TITLES[r.nextInt(TITLES.length)];
        c.facts = "双方因" + c.title + "多次发生口角，经" + (c.channel == Channel.GRID ? "网格员" : "村委会") + "上报调解。";
        List<String> categories = rules.categories();
        c.category = categories.get(r.nextInt(categories.size()));
        c.state = CaseState.RECEIVED;
        c.reportedBy = seeder.actor();
        List<CaseParty> parties = parties(c, residents, r);
        Steps steps = new Steps(s, county, seeder, c);
        steps.then(() -> s.persist(c).chain(s::flush).chain(() -> s.persistAll(parties.toArray())))
                .record(IntakeService.received(c, parties.size()));
        if (age < 2) {
            return steps.done();
        }
        Level level = rules.inUse(Level.VILLAGE) && r.nextInt(100) < 65 ? Level.VILLAGE
                : r.nextInt(100) < 70 && rules.inUse(Level.TOWNSHIP) ? Level.TOWNSHIP : rules.highest();
        c.risk = r.nextInt(100) < 8 ? "medium" : "low";
        c.level = level;
        c.state = CaseState.TRIAGED;
        steps.record(Change.of(c, CaseState.RECEIVED, "triaged", null).at(received.plus(Duration.ofHours(20)))
                .audited("disputes.case-triaged", Map.of("category", c.category, "risk", c.risk, "level", level.name())));
        if (age < 4) {
            return steps.done();
        }
        Instant at = received.plus(Duration.ofDays(2));
        List<Assignment> assignments = new ArrayList<>();
        assign(steps, rules, assignments, at);
        int resolveDays = 3 + r.nextInt(20);
        boolean fails = level != rules.highest() && r.nextInt(100) < 15;
        boolean overdue = !fails && level != rules.highest() && r.nextInt(100) < 8;
        if ((fails || overdue) && age > resolveDays + 20) {
            Level next = rules.above(level).orElseThrow();
            Instant moved = received.plus(Duration.ofDays(overdue ? rules.deadlineDays(level) + 1 : 8));
            if (overdue) {
                c.overdue = true;
                c.everOverdue = true;
                steps.record(Change.of(c, c.state, "marked-overdue", "deadline " + c.deadline).at(moved)
                        .counts(DisputeFacts.OVERDUE, level.name(), 1));
            } else {
                startMediation(steps, c, r, at.plus(Duration.ofDays(3)));
            }
            steps.record(escalations.escalation(new CaseFile(c, assignments), next, overdue ? "overdue" : "mediation-failed",
                    null).at(moved.plusSeconds(60)));
            at = moved.plus(Duration.ofDays(1));
            assign(steps, rules, assignments, at);
            resolveDays += 12;
        }
        if (age <= resolveDays) {
            if (r.nextBoolean()) {
                startMediation(steps, c, r, at.plus(Duration.ofDays(1)));
            }
            return steps.done();
        }
        startMediation(steps, c, r, received.plus(Duration.ofDays(resolveDays - 1)));
        Instant resolved = received.plus(Duration.ofDays(resolveDays));
        if (r.nextInt(100) < 10) {
            c.referredTo = pick(r, DisputeCase.ReferredTo.values());
            c.referredBody = c.referredTo == DisputeCase.ReferredTo.LITIGATION ? "人民法院" : "县劳动人事争议仲裁委员会";
            c.referredReason = "当事人不同意调解方案";
            c.followUpDueOn = day(resolved).plusDays(rules.followUpAfterDays());
            c.state = CaseState.REFERRED_OUT;
            steps.record(Change.of(c, CaseState.IN_MEDIATION, "referred-out", c.referredTo + " · " + c.referredBody)
                    .at(resolved).counts(DisputeFacts.REFERRED_OUT, c.referredTo.name(), 1));
            return followUp(steps, c, r, rules, age, resolveDays, CaseState.REFERRED_OUT);
        }
        c.agreementTerms = "一、双方同意按村规民约解决；二、责任方于一个月内履行完毕。";
        c.agreementText = DocumentTemplate.fill(rules.agreementTemplate(), Map.of("caseNumber", c.number,
                "parties", String.join("；", parties.stream().map(p -> p.name).toList()), "facts", c.facts,
                "terms", c.agreementTerms, "date", day(resolved).toString(),
                "judicialWindowDays", String.valueOf(rules.judicialWindowDays())));
        Change agreed = mediation.resolution(c, CaseState.IN_MEDIATION, day(resolved), rules, resolved);
        steps.then(() -> mediation.recordResolution(s, county, seeder, agreed, c, parties));
        CaseState settled = CaseState.AGREED;
        if (r.nextInt(100) < 20 && age > resolveDays + 12) {
            c.judicialCourt = "人民法院";
            c.judicialAppliedOn = day(resolved).plusDays(3);
            c.state = CaseState.JUDICIAL_CONFIRMATION_PENDING;
            steps.record(Change.of(c, CaseState.AGREED, "judicial-confirmation-applied", c.judicialCourt)
                    .at(resolved.plus(Duration.ofDays(3))));
            c.judicialDecidedOn = day(resolved).plusDays(10);
            c.state = CaseState.CONFIRMED;
            steps.record(Change.of(c, CaseState.JUDICIAL_CONFIRMATION_PENDING, "judicially-confirmed", null)
                    .at(resolved.plus(Duration.ofDays(10))));
            settled = CaseState.CONFIRMED;
        }
        return followUp(steps, c, r, rules, age, resolveDays, settled);
    }

    private Uni<Void> followUp(Steps steps, DisputeCase c, Random r, DisputesRules rules, int age, int resolveDays,
                               CaseState from) {
        int visitDay = resolveDays + rules.followUpAfterDays() + r.nextInt(5);
        if (age <= visitDay) {
            return steps.done();
        }
        Instant visited = c.receivedAt.plus(Duration.ofDays(visitDay));
        boolean honoured = from == CaseState.REFERRED_OUT || r.nextInt(100) < 92;
        int satisfaction = honoured ? 3 + r.nextInt(3) : 1 + r.nextInt(2);
        CaseState to = honoured ? CaseState.CLOSED : CaseState.REOPENED;
        Change visit = followUps.visit(c, from, to, day(visited), new FollowUp(day(visited),
                from == CaseState.REFERRED_OUT ? null : honoured, satisfaction, null), rules).at(visited);
        if (to == CaseState.CLOSED) {
            c.closedAt = visited;
        } else {
            c.deadline = day(visited).plusDays(rules.deadlineDays(c.level));
        }
        return steps.record(visit).done();
    }

    private void assign(Steps steps, DisputesRules rules, List<Assignment> assignments, Instant at) {
        DisputeCase c = steps.dispute;
        String mediator = REALM_MEDIATORS.getOrDefault(c.placeCode(), "mediator-" + c.placeCode());
        Assignment a = TriageService.assignment(c, mediator, steps.caller, at);
        assignments.add(a);
        CaseState from = c.state;
        c.state = CaseState.ASSIGNED;
        c.deadline = day(at).plusDays(rules.deadlineDays(c.level));
        steps.then(() -> steps.session.persist(a)).record(Change.of(c, from, "assigned", mediator).at(at)
                .audited("disputes.mediators-assigned", Map.of("mediators", List.of(mediator), "level", c.level.name(),
                        "deadline", c.deadline.toString())));
    }

    private void startMediation(Steps steps, DisputeCase c, Random r, Instant at) {
        MediationSession held = new MediationSession();
        held.id = UUID.randomUUID();
        held.caseId = c.id;
        held.level = c.level;
        held.scheduledAt = at;
        held.heldAt = at;
        held.place = c.level == Level.VILLAGE ? "村调解室" : c.level == Level.TOWNSHIP ? "镇调委会" : "县矛调中心";
        held.participants = "[]";
        held.minutes = r.nextBoolean() ? "双方陈述意见，调解员释法说理。" : "调解员实地查看后组织双方协商。";
        held.createdBy = steps.caller.actor();
        held.recordedBy = steps.caller.actor();
        CaseState from = c.state;
        c.state = CaseState.IN_MEDIATION;
        steps.then(() -> steps.session.persist(held)).record(Change.of(c, from, "mediation-started", held.place).at(at));
    }

    private static List<CaseParty> parties(DisputeCase c, List<ResidentView> residents, Random r) {
        List<CaseParty> out = new ArrayList<>();
        out.add(party(c, CaseParty.PartyRole.APPLICANT, residents, r));
        if (residents.size() > 1 && r.nextInt(100) < 70) {
            out.add(party(c, CaseParty.PartyRole.RESPONDENT, residents, r));
        } else {
            CaseParty outsider = party(c, CaseParty.PartyRole.RESPONDENT, List.of(), r);
            outsider.name = OUTSIDERS[r.nextInt(OUTSIDERS.length)];
            out.add(outsider);
        }
        return out;
    }

    private static CaseParty party(DisputeCase c, CaseParty.PartyRole role, List<ResidentView> residents, Random r) {
        CaseParty p = new CaseParty();
        p.id = UUID.randomUUID();
        p.tenantId = c.tenantId;
        p.caseId = c.id;
        p.role = role;
        if (!residents.isEmpty()) {
            ResidentView resident = residents.get(r.nextInt(residents.size()));
            p.residentId = resident.id();
            p.name = resident.name();
        } else {
            p.name = "当事人";
        }
        return p;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PlatformClock.ZONE);
    }

    /** A case's writes in order, each change recorded on its path once the writes before it are done. */
    private final class Steps {
        private final Mutiny.Session session;
        private final CountyCode county;
        private final Caller caller;
        private final DisputeCase dispute;
        private Uni<Void> chain = Uni.createFrom().voidItem();

        Steps(Mutiny.Session session, CountyCode county, Caller caller, DisputeCase dispute) {
            this.session = session;
            this.county = county;
            this.caller = caller;
            this.dispute = dispute;
        }

        Steps then(Supplier<Uni<?>> work) {
            chain = chain.chain(() -> work.get()).replaceWithVoid();
            return this;
        }

        Steps record(Change change) {
            return then(() -> path.record(session, county, caller, change));
        }

        Uni<Void> done() {
            return chain;
        }
    }
}
