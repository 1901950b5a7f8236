package org.wangwu.customs;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.customs.CustomsPolicy.EventKind;
import org.wangwu.customs.CustomsPolicy.Excess;
import org.wangwu.customs.CustomsPolicy.Figures;
import org.wangwu.customs.council.CouncilMember;
import org.wangwu.customs.covenant.CovenantVersion;
import org.wangwu.customs.lists.ListEntry;
import org.wangwu.customs.pledge.Pledge;
import org.wangwu.customs.registration.Registration;
import org.wangwu.customs.registration.RegistrationService;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/**
 * Six months of plausible customs work for a demo county: a council and a covenant in force in every
 * village, pledges from most households, weddings, funerals and banquets registered, decided and
 * verified (most within the caps), black-list notices and red-list commendations, with their facts.
 */
@ApplicationScoped
public class CustomsDemoSeed {

    private static final Map<String, String> COUNCIL_LOGINS = Map.of("419001100201", "jiyuan-cadre",
            "330523101201", "anji-cadre");
    private static final String[] VENUES = {"村文化礼堂", "村委会广场", "自家院落", "镇上酒店"};

    @Inject
    TenantTransactions tx;

    @Inject
    CustomsSettings settings;

    @Inject
    PlaceDirectory places;

    @Inject
    CustomsFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<Void> seed(CountyCode county) {
        Random random = new Random(Long.parseLong(county.value()));
        Caller seeder = Caller.system("demo-data", county);
        return tx.inCounty(county, s -> settings.current(s).chain(policy -> places.villages(s).chain(villages -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var v : villages) {
                chain = chain.chain(() -> village(s, county, policy, v.code(), v.nameZh(), random));
            }
            return chain.chain(() -> audit.record(s, county, seeder, "customs.demo-seeded", "county", county.value(),
                    Map.of("villages", villages.size())));
        }))).replaceWithVoid();
    }

    private Uni<Void> village(Mutiny.Session s, CountyCode county, CustomsPolicy policy, String code, String name,
                              Random random) {
        Instant start = clock.now().minus(Duration.ofDays(180));
        CouncilMember m = new CouncilMember();
        m.id = UUID.randomUUID();
        m.villageCode = code;
        m.name = name + "红白理事会会长";
        m.role = CouncilMember.CouncilRole.CHAIR;
        m.username = COUNCIL_LOGINS.getOrDefault(code, "council-" + code);
        m.joinedOn = CustomsFacts.day(start);
        m.addedBy = "system:demo-data";
        CovenantVersion c = new CovenantVersion();
        c.id = UUID.randomUUID();
        c.villageCode = code;
        c.number = 1;
        c.title = name + "村规民约";
        c.body = "为推进移风易俗、树立文明新风，经村民会议讨论通过，制定本村规民约。";
        c.rules = facts.write(List.of("婚事新办，彩礼不超过" + policy.bridePriceCap() + "元",
                "宴席不超过" + policy.banquetTablesCap() + "桌，人均礼金不超过" + policy.giftPerGuestCap() + "元",
                "丧事简办，治丧不超过" + policy.funeralDaysCap() + "天，安葬进公益性公墓"));
        c.status = CovenantVersion.Status.IN_FORCE;
        c.adoptedBy = CovenantVersion.AdoptedBy.MEETING;
        c.meetingDate = CustomsFacts.day(start);
        c.attendees = 60 + random.nextInt(60);
        c.meetingMinutes = "村民会议表决通过";
        c.inForceFrom = start;
        c.proposedBy = "system:demo-data";
        c.proposedAt = start.minus(Duration.ofDays(14));
        return s.persist(m).chain(() -> s.persist(c)).chain(() -> places.householdsOfVillage(s, code))
                .map(list -> list.stream().map(h -> h.id()).toList())
                .chain(households -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    long[] pledged = {0};
                    for (UUID h : households) {
                        chain = chain.chain(() -> places.residentsOfHousehold(s, h).chain(people -> {
                            String holder = RegistrationService.householdName(people);
                            Uni<Void> steps = Uni.createFrom().voidItem();
                            if (random.nextInt(10) < 7) {
                                Pledge p = new Pledge();
                                p.id = UUID.randomUUID();
                                p.villageCode = code;
                                p.householdId = h;
                                p.householdName = holder;
                                p.recordedAt = start.plus(Duration.ofDays(random.nextInt(170)));
                                p.signedOn = CustomsFacts.day(p.recordedAt);
                                p.recordedBy = "system:demo-data";
                                long n = ++pledged[0];
                                steps = steps.chain(() -> s.persist(p))
                                        .chain(() -> facts.pledged(s, county, p, n, households.size()));
                            }
                            if (random.nextInt(10) < 5) {
                                steps = steps.chain(() -> event(s, county, policy, code, h, holder, m.username, start,
                                        random));
                            }
                            return steps;
                        }));
                    }
                    return chain;
                });
    }

    private Uni<Void> event(Mutiny.Session s, CountyCode county, CustomsPolicy policy, String village, UUID household,
                            String holder, String council, Instant start, Random random) {
        EventKind kind = EventKind.values()[random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2];
        boolean modest = random.nextInt(10) < 8;
        Figures plan = figures(policy, kind, modest, random);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.villageCode = village;
        r.householdId = household;
        r.householdName = holder;
        r.kind = kind;
        r.registeredAt = start.plus(Duration.ofDays(random.nextInt(160)));
        r.eventDate = CustomsFacts.day(r.registeredAt).plusDays(kind == EventKind.FUNERAL ? 1 : 7 + random.nextInt(14));
        r.venue = VENUES[random.nextInt(VENUES.length)];
        r.tables = plan.tables();
        r.guests = plan.guests();
        r.bridePriceYuan = plan.bridePriceYuan();
        r.giftPerGuestYuan = plan.giftPerGuestYuan();
        r.funeralDays = plan.funeralDays();
        r.publicCemetery = plan.publicCemetery();
        List<Excess> excesses = policy.excesses(kind, plan);
        r.excesses = facts.write(excesses);
        r.late = random.nextInt(10) == 0;
        r.decisionDueOn = CustomsFacts.day(r.registeredAt).plusDays(policy.councilDecisionDays());
        r.decision = excesses.isEmpty() ? Registration.Decision.APPROVED : Registration.Decision.WARNED;
        r.status = Registration.Status.valueOf(r.decision.name());
        r.decisionNote = excesses.isEmpty() ? null : "超出县定标准，请按村规民约调整";
        r.decidedBy = council;
        r.decidedAt = r.registeredAt.plus(Duration.ofDays(1));
        r.registeredBy = "system:demo-data";
        r.settingsRevision = policy.revision();
        boolean held = !r.eventDate.isAfter(clock.today().minusDays(1));
        Uni<Void> steps = s.persist(r).chain(() -> facts.registered(s, county, r))
                .chain(() -> facts.decided(s, county, r));
        if (!held) {
            return steps;
        }
        List<Excess> breaches = policy.excesses(kind, plan);
        r.actual = facts.write(kind == EventKind.WEDDING
                ? Map.of("tables", plan.tables(), "guests", plan.guests(), "bridePriceYuan", plan.bridePriceYuan(),
                "giftPerGuestYuan", plan.giftPerGuestYuan(), "bridePriceCap", policy.bridePriceCap())
                : plan);
        r.breaches = facts.write(breaches);
        r.compliant = breaches.isEmpty();
        r.moneySavedYuan = policy.moneySaved(kind, plan);
        r.verifiedBy = council;
        r.verifiedAt = r.eventDate.plusDays(2).atStartOfDay(PlatformClock.ZONE).toInstant();
        r.status = Registration.Status.VERIFIED;
        steps = steps.chain(() -> facts.verified(s, county, r));
        if (r.compliant) {
            if (random.nextInt(4) > 0) {
                return steps;
            }
            ListEntry red = entry(ListEntry.Kind.RED, r, "红白事简办，树立文明新风");
            red.status = ListEntry.Status.LISTED;
            red.listedOn = CustomsFacts.day(r.verifiedAt);
            red.expiresOn = red.listedOn.plusMonths(policy.redListMonths());
            return steps.chain(() -> s.persist(red)).chain(() -> facts.listed(s, county, red));
        }
        ListEntry black = entry(ListEntry.Kind.BLACK, r, "核查超标 / over the caps: "
                + String.join("; ", breaches.stream().map(b -> b.message().zh()).toList()));
        black.registrationId = r.id;
        black.noticedOn = CustomsFacts.day(r.verifiedAt);
        black.noticeEndsOn = black.noticedOn.plusDays(policy.noticeDays());
        black.appealEndsOn = black.noticedOn.plusDays(policy.appealDays());
        boolean noticeOver = black.noticeEndsOn.isBefore(clock.today());
        black.status = noticeOver ? ListEntry.Status.LISTED : ListEntry.Status.NOTICE;
        if (noticeOver) {
            black.listedOn = black.noticeEndsOn;
            black.expiresOn = black.listedOn.plusMonths(policy.blackListMonths());
        }
        steps = steps.chain(() -> s.persist(black)).chain(() -> facts.noticed(s, county, black));
        return noticeOver ? steps.chain(() -> facts.listed(s, county, black)) : steps;
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

    private ListEntry entry(ListEntry.Kind kind, Registration r, String reason) {
        ListEntry e = new ListEntry();
        e.id = UUID.randomUUID();
        e.list = kind;
        e.villageCode = r.villageCode;
        e.householdId = r.householdId;
        e.householdName = r.householdName;
        e.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        e.createdBy = "system:demo-data";
        e.createdAt = r.verifiedAt;
        return e;
    }
}
