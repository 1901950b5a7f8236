package org.wangwu.customs;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.wangwu.customs.CustomsPolicy.EventKind;
import org.wangwu.customs.CustomsPolicy.Figures;
import org.wangwu.customs.council.CouncilMember.CouncilRole;
import org.wangwu.customs.council.CouncilService;
import org.wangwu.customs.council.CouncilService.NewMember;
import org.wangwu.customs.covenant.CovenantVersion;
import org.wangwu.customs.lists.ListService;
import org.wangwu.customs.pledge.Pledge;
import org.wangwu.customs.registration.Registration;
import org.wangwu.customs.registration.RegistrationRequests.Decision;
import org.wangwu.customs.registration.RegistrationRequests.NewRegistration;
import org.wangwu.customs.registration.RegistrationRequests.Plan;
import org.wangwu.customs.registration.RegistrationService;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;
import org.wangwu.platform.time.PlatformClock;

/**
 * Six months of a demo county's customs work, lived through the module's own services with the
 * platform clock set back and moved on week by week: every village has its council and a covenant
 * adopted before the half year began, most households pledge, families register weddings, funerals
 * and banquets, the council decides and verifies them (most within the caps, raising the events
 * points acts on), violations are noticed and listed by the job, model households are commended.
 */
@ApplicationScoped
public class CustomsDemoSeed {

    private static final Logger LOG = Logger.getLogger(CustomsDemoSeed.class);
    private static final int WEEKS = 26;
    /** The demo realm's cadre logins sit on their village's council, so a demo user can decide. */
    private static final Map<String, String> COUNCIL_LOGINS = Map.of("419001100201", "jiyuan-cadre",
            "330523101201", "anji-cadre");
    private static final String COUNCIL = "demo-council";

    @Inject
    TenantTransactions tx;

    @Inject
    CustomsSettings settings;

    @Inject
    PlaceDirectory places;

    @Inject
    CouncilService council;

    @Inject
    RegistrationService registrations;

    @Inject
    ListService lists;

    @Inject
    CustomsJobs jobs;

    @Inject
    CustomsFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<Void> seed(CountyCode county) {
        Random random = new Random(Long.parseLong(county.value()));
        LocalDate end = clock.today();
        clock.advance(Duration.ofDays(-7L * WEEKS));
        return tx.inCounty(county, s -> places.villages(s).chain(villages -> places.households(s)
                        .chain(households -> settings.current(s).map(policy -> new Loaded(villages, households, policy)))))
                .chain(loaded -> {
                    List<Supplier<Uni<?>>> steps = new ArrayList<>();
                    for (VillageView v : loaded.villages()) {
                        steps.add(() -> tx.inCounty(county, s -> village(s, county, v)));
                    }
                    // Pledges in the order they were signed, so each day's coverage counts the ones before it.
                    List<Map.Entry<Instant, HouseholdView>> pledges = new ArrayList<>();
                    for (HouseholdView h : loaded.households()) {
                        if (random.nextInt(10) < 7) {
                            pledges.add(Map.entry(clock.now().plus(Duration.ofDays(random.nextInt(7 * WEEKS))), h));
                        }
                    }
                    pledges.sort(Map.Entry.comparingByKey());
                    for (var p : pledges) {
                        steps.add(() -> tx.inCounty(county, s -> pledge(s, county, p.getValue(), p.getKey())));
                    }
                    for (int week = 0; week < WEEKS; week++) {
                        for (HouseholdView h : loaded.households()) {
                            if (random.nextInt(100) < 4) {
                                EventKind kind = random.nextInt(2) == 0 ? EventKind.WEDDING
                                        : random.nextInt(3) == 0 ? EventKind.BANQUET : EventKind.FUNERAL;
                                boolean modest = random.nextInt(10) < 8;
                                Figures plan = figures(loaded.policy(), kind, modest, random);
                                int ahead = kind == EventKind.FUNERAL ? 0 : random.nextInt(10) == 0 ? 3
                                        : 7 + random.nextInt(10);
                                boolean commend = modest && random.nextInt(5) == 0;
                                steps.add(() -> event(county, h, kind, plan, ahead, commend, end));
                            }
                        }
                        steps.add(() -> Uni.createFrom().item(() -> {
                            clock.advance(Duration.ofDays(7));
                            return 0;
                        }));
                        steps.add(() -> jobs.listDueNotices(county));
                        steps.add(() -> jobs.flagOverdueDecisions(county));
                        steps.add(() -> jobs.expireListEntries(county));
                    }
                    return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                            .collect().last().replaceWithVoid();
                })
                .eventually(clock::reset)
                .invoke(() -> LOG.infof("Demo customs activity seeded for county %s", county));
    }

    private record Loaded(List<VillageView> villages, List<HouseholdView> households, CustomsPolicy policy) {
    }

    /** The council (a demo member for the seed's own decisions, and the village's demo login) and a covenant in force. */
    private Uni<?> village(org.hibernate.reactive.mutiny.Mutiny.Session s, CountyCode county, VillageView v) {
        Caller cadre = Caller.system("demo-cadre", county, v.code(), Role.VILLAGE_CADRE);
        Uni<?> seated = council.add(s, county, cadre, v.code(), new NewMember(null, "system:" + COUNCIL,
                v.nameZh() + "红白理事会", CouncilRole.CHAIR));
        String login = COUNCIL_LOGINS.get(v.code());
        if (login != null) {
            seated = seated.chain(() -> council.add(s, county, cadre, v.code(), new NewMember(null, login,
                    v.nameZh() + "村支部书记", CouncilRole.DEPUTY_CHAIR)));
        }
        // The covenant was adopted at a villagers' meeting before the half year began (and before
        // the county switched consultation on); a village with a version in force keeps it.
        return seated.chain(() -> s.createSelectionQuery("select count(*) from CovenantVersion where villageCode = :v",
                Long.class).setParameter("v", v.code()).getSingleResult()).chain(n -> n > 0 ? Uni.createFrom().voidItem()
                : settings.current(s).chain(policy -> {
                    CovenantVersion c = new CovenantVersion();
                    c.id = UUID.randomUUID();
                    c.villageCode = v.code();
                    c.number = 1;
                    c.title = v.nameZh() + "村规民约";
                    c.body = "为推进移风易俗、树立文明新风，经村民会议讨论通过，制定本村规民约。";
                    c.rules = facts.write(List.of("婚事新办，彩礼不超过" + policy.bridePriceCap() + "元",
                            "宴席不超过" + policy.banquetTablesCap() + "桌，人均礼金不超过" + policy.giftPerGuestCap() + "元",
                            "丧事简办，治丧不超过" + policy.funeralDaysCap() + "天，安葬进公益性公墓"));
                    c.status = CovenantVersion.Status.IN_FORCE;
                    c.adoptedBy = CovenantVersion.AdoptedBy.MEETING;
                    c.meetingDate = clock.today().minusDays(30);
                    c.attendees = 60;
                    c.meetingMinutes = "村民会议表决通过";
                    c.inForceFrom = clock.now().minus(Duration.ofDays(30));
                    c.proposedBy = cadre.actor();
                    c.proposedAt = clock.now().minus(Duration.ofDays(45));
                    return s.persist(c).chain(() -> audit.record(s, county, cadre, "customs.covenant-in-force",
                            "customs-covenant-version", c.id, Map.of("village", v.code(), "adoptedBy", "MEETING")));
                }));
    }

    /** A signed pledge (the paper page stays in the village office in the demo). */
    private Uni<?> pledge(org.hibernate.reactive.mutiny.Mutiny.Session s, CountyCode county, HouseholdView h, Instant at) {
        Caller cadre = Caller.system("demo-cadre", county, h.villageCode(), Role.VILLAGE_CADRE);
        return places.residentsOfHousehold(s, h.id()).chain(people -> {
            Pledge p = new Pledge();
            p.id = UUID.randomUUID();
            p.villageCode = h.villageCode();
            p.householdId = h.id();
            p.householdName = RegistrationService.householdName(people);
            p.recordedAt = at;
            p.signedOn = CustomsFacts.day(at);
            p.recordedBy = cadre.actor();
            return s.persist(p).chain(s::flush)
                    .chain(() -> s.createSelectionQuery("select count(*) from Pledge where villageCode = :v "
                            + "and recordedAt <= :at", Long.class).setParameter("v", p.villageCode)
                            .setParameter("at", at).getSingleResult())
                    .chain(pledged -> places.householdsOfVillage(s, p.villageCode)
                            .chain(all -> facts.pledged(s, county, p, pledged, all.size())))
                    .chain(() -> audit.record(s, county, cadre, "customs.pledge-signed", "customs-pledge", p.id,
                            Map.of("household", h.id().toString())));
        });
    }

    /** A cadre registers for the family; the council decides the next day and verifies after the event. */
    private Uni<?> event(CountyCode county, HouseholdView h, EventKind kind, Figures plan, int ahead, boolean commend,
                         LocalDate end) {
        Caller cadre = Caller.system("demo-cadre", county, h.villageCode(), Role.VILLAGE_CADRE);
        Caller member = Caller.system(COUNCIL, county, h.villageCode(), Role.VILLAGE_CADRE);
        LocalDate on = clock.today().plusDays(ahead);
        NewRegistration in = new NewRegistration(kind, h.id(), null, on, "村文化礼堂", new Plan(plan.tables(),
                plan.guests(), plan.bridePriceYuan(), plan.giftPerGuestYuan(), plan.funeralDays(), plan.publicCemetery()));
        return tx.inCounty(county, s -> registrations.register(s, county, cadre, in)).chain(r -> {
            Registration.Decision decision = r.excesses().isEmpty() ? Registration.Decision.APPROVED
                    : Registration.Decision.WARNED;
            return tx.inCounty(county, s -> registrations.decide(s, county, member, r.id(), new Decision(decision,
                            decision == Registration.Decision.APPROVED ? null : "超出县定标准，请按村规民约调整")))
                    .chain(() -> !on.isBefore(end) ? Uni.createFrom().voidItem()
                            : verifyLater(county, member, r.id(), on, plan, h, commend));
        });
    }

    /** Verification waits for the event: the clock is moved there and back, as the council would visit afterwards. */
    private Uni<Void> verifyLater(CountyCode county, Caller member, UUID id, LocalDate on, Figures actual,
                                  HouseholdView h, boolean commend) {
        Duration wait = Duration.ofDays(Math.max(0, on.toEpochDay() - clock.today().toEpochDay()) + 1);
        clock.advance(wait);
        return tx.inCounty(county, s -> registrations.verify(s, county, member, id, actual)
                        .chain(v -> !commend || !Boolean.TRUE.equals(v.compliant()) ? Uni.createFrom().voidItem()
                                : lists.commend(s, county, member, new ListService.Commendation(h.id(),
                                        "红白事简办，树立文明新风")).replaceWithVoid()))
                .eventually(() -> clock.advance(wait.negated())).replaceWithVoid();
    }

    private static Figures figures(CustomsPolicy policy, EventKind kind, boolean modest, Random random) {
        double scale = modest ? 0.4 + random.nextDouble() * 0.6 : 1.1 + random.nextDouble() * 0.8;
        long tablesCap = kind == EventKind.FUNERAL ? policy.funeralTablesCap() : policy.banquetTablesCap();
        int tables = (int) Math.max(1, Math.round(tablesCap * scale));
        int guests = (int) Math.min(policy.guestsCap() * (modest ? 1 : 2), tables * 10L);
        long gift = Math.round(policy.giftPerGuestCap() * (modest ? 0.5 : 1.0) * scale / 10) * 10;
        return switch (kind) {
            case WEDDING -> new Figures(tables, guests, Math.round(policy.bridePriceCap() * scale / 1000) * 1000, gift,
                    null, null);
            case FUNERAL -> new Figures(tables, guests, null, gift,
                    (int) Math.max(1, Math.round(policy.funeralDaysCap() * (modest ? 1 : 1.7))), modest);
            case BANQUET -> new Figures(tables, guests, null, gift, null, null);
        };
    }
}
