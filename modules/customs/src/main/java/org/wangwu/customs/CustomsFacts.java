package org.wangwu.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.customs.lists.ListEntry;
import org.wangwu.customs.pledge.Pledge;
import org.wangwu.customs.registration.Registration;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * The module's daily facts: what each change adds, recorded in the change's own transaction, and the
 * same figures recounted from the module's tables. Each fact's day is the day of the record's own
 * timestamp, so that the two always agree.
 */
@ApplicationScoped
public class CustomsFacts {

    public static final String REGISTRATIONS = "registrations";
    public static final String LATE_REGISTRATIONS = "registrations-late";
    public static final String DECISIONS = "decisions";
    public static final String OVERDUE_DECISIONS = "decisions-overdue";
    public static final String VERIFICATIONS = "verifications";
    public static final String CAP_BREACHES = "cap-breaches";
    public static final String BRIDE_PRICE_REPORTED = "bride-price-reported";
    public static final String BRIDE_PRICE_REPORTS = "bride-price-reports";
    public static final String BRIDE_PRICE_CAP = "bride-price-cap";
    public static final String MONEY_SAVED = "money-saved";
    public static final String PLEDGED_HOUSEHOLDS = "pledged-households";
    public static final String HOUSEHOLDS = "households";
    public static final String LIST_ENTRIES = "list-entries";
    public static final String LIST_NOTICES = "list-notices";
    public static final String LIST_EXITS = "list-exits";
    public static final String COMPLIANT = "COMPLIANT";
    public static final String NOT_COMPLIANT = "NOT_COMPLIANT";

    @Inject
    DailyFacts facts;

    @Inject
    ObjectMapper json;

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, PlatformClock.ZONE);
    }

    /** A first registration (a revision is the same event registered again and counts no more). */
    public Uni<Void> registered(Mutiny.Session s, CountyCode county, Registration r) {
        LocalDate day = day(r.registeredAt);
        return add(s, county, REGISTRATIONS, day, r.villageCode, r.kind.name(), 1)
                .chain(() -> r.late ? add(s, county, LATE_REGISTRATIONS, day, r.villageCode, r.kind.name(), 1)
                        : Uni.createFrom().voidItem());
    }

    public Uni<Void> decided(Mutiny.Session s, CountyCode county, Registration r) {
        return add(s, county, DECISIONS, day(r.decidedAt), r.villageCode, r.decision.name(), 1);
    }

    public Uni<Void> overdue(Mutiny.Session s, CountyCode county, Registration r) {
        return add(s, county, OVERDUE_DECISIONS, r.overdueOn, r.villageCode, r.kind.name(), 1);
    }

    /** Verifications compliant or not, each cap breached, the bride price found against the cap, money saved. */
    public Uni<Void> verified(Mutiny.Session s, CountyCode county, Registration r) {
        LocalDate day = day(r.verifiedAt);
        Uni<Void> chain = add(s, county, VERIFICATIONS, day, r.villageCode, r.compliant ? COMPLIANT : NOT_COMPLIANT, 1)
                .chain(() -> add(s, county, MONEY_SAVED, day, r.villageCode, null, r.moneySavedYuan));
        for (JsonNode breach : read(r.breaches)) {
            chain = chain.chain(() -> add(s, county, CAP_BREACHES, day, r.villageCode, breach.get("cap").asText(), 1));
        }
        JsonNode actual = read(r.actual);
        if (!actual.path("bridePriceYuan").isNumber()) {
            return chain;
        }
        return chain.chain(() -> add(s, county, BRIDE_PRICE_REPORTED, day, r.villageCode, null,
                        actual.get("bridePriceYuan").asLong()))
                .chain(() -> add(s, county, BRIDE_PRICE_REPORTS, day, r.villageCode, null, 1))
                .chain(() -> add(s, county, BRIDE_PRICE_CAP, day, null, null, actual.get("bridePriceCap").asLong()));
    }

    /** Pledge coverage of the village on the day: households pledged, and households in the register. */
    public Uni<Void> pledged(Mutiny.Session s, CountyCode county, Pledge p, long pledged, long households) {
        LocalDate day = day(p.recordedAt);
        return add(s, county, PLEDGED_HOUSEHOLDS, day, p.villageCode, null, pledged)
                .chain(() -> add(s, county, HOUSEHOLDS, day, p.villageCode, null, households));
    }

    public Uni<Void> noticed(Mutiny.Session s, CountyCode county, ListEntry e) {
        return add(s, county, LIST_NOTICES, e.noticedOn, e.villageCode, null, 1);
    }

    public Uni<Void> listed(Mutiny.Session s, CountyCode county, ListEntry e) {
        return add(s, county, LIST_ENTRIES, e.listedOn, e.villageCode, e.list.name(), 1);
    }

    public Uni<Void> ended(Mutiny.Session s, CountyCode county, ListEntry e) {
        return add(s, county, LIST_EXITS, e.endedOn, e.villageCode, e.status.name(), 1);
    }

    private Uni<Void> add(Mutiny.Session s, CountyCode county, String fact, LocalDate day, String place,
                          String dimension, long amount) {
        return facts.record(s, county, CustomsModule.KEY, fact, day, place, dimension, amount);
    }

    /** Every FLOW fact, and the pledged households on each day a pledge was recorded, from the module's tables. */
    public Uni<List<FactValue>> recount(Mutiny.Session s, CountyCode county) {
        Map<List<Object>, Long> sums = new HashMap<>();
        return s.createSelectionQuery("from Registration", Registration.class).getResultList().chain(regs -> {
            for (Registration r : regs) {
                LocalDate day = day(r.registeredAt);
                if (r.revisionOf == null) {
                    sum(sums, REGISTRATIONS, day, r.villageCode, r.kind.name(), 1);
                }
                if (r.late && r.revisionOf == null) {
                    sum(sums, LATE_REGISTRATIONS, day, r.villageCode, r.kind.name(), 1);
                }
                if (r.decision != null) {
                    sum(sums, DECISIONS, day(r.decidedAt), r.villageCode, r.decision.name(), 1);
                }
                if (r.overdueOn != null) {
                    sum(sums, OVERDUE_DECISIONS, r.overdueOn, r.villageCode, r.kind.name(), 1);
                }
                if (r.verifiedAt != null) {
                    LocalDate v = day(r.verifiedAt);
                    sum(sums, VERIFICATIONS, v, r.villageCode, r.compliant ? COMPLIANT : NOT_COMPLIANT, 1);
                    sum(sums, MONEY_SAVED, v, r.villageCode, "", r.moneySavedYuan);
                    read(r.breaches).forEach(b -> sum(sums, CAP_BREACHES, v, r.villageCode, b.get("cap").asText(), 1));
                    JsonNode actual = read(r.actual);
                    if (actual.path("bridePriceYuan").isNumber()) {
                        sum(sums, BRIDE_PRICE_REPORTED, v, r.villageCode, "", actual.get("bridePriceYuan").asLong());
                        sum(sums, BRIDE_PRICE_REPORTS, v, r.villageCode, "", 1);
                    }
                }
            }
            return s.createSelectionQuery("from ListEntry", ListEntry.class).getResultList();
        }).chain(entries -> {
            for (ListEntry e : entries) {
                if (e.noticedOn != null) {
                    sum(sums, LIST_NOTICES, e.noticedOn, e.villageCode, "", 1);
                }
                if (e.listedOn != null) {
                    sum(sums, LIST_ENTRIES, e.listedOn, e.villageCode, e.list.name(), 1);
                }
                if (e.endedOn != null) {
                    sum(sums, LIST_EXITS, e.endedOn, e.villageCode, e.status.name(), 1);
                }
            }
            return s.createSelectionQuery("from Pledge order by recordedAt", Pledge.class).getResultList();
        }).map(pledges -> {
            List<FactValue> out = new ArrayList<>();
            sums.forEach((k, v) -> out.add(new FactValue((String) k.get(0), (LocalDate) k.get(1), (String) k.get(2),
                    (String) k.get(3), BigDecimal.valueOf(v))));
            Map<String, Long> running = new HashMap<>();
            Map<List<Object>, Long> levels = new HashMap<>();
            for (Pledge p : pledges) {
                long n = running.merge(p.villageCode, 1L, Long::sum);
                levels.put(List.of(p.villageCode, day(p.recordedAt)), n);
            }
            levels.forEach((k, v) -> out.add(new FactValue(PLEDGED_HOUSEHOLDS, (LocalDate) k.get(1), (String) k.get(0),
                    "", BigDecimal.valueOf(v))));
            return out;
        });
    }

    private static void sum(Map<List<Object>, Long> sums, String fact, LocalDate day, String place, String dim,
                            long amount) {
        sums.merge(List.of(fact, day, place, dim), amount, Long::sum);
    }

    public JsonNode read(String text) {
        try {
            return text == null ? json.createArrayNode() : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
