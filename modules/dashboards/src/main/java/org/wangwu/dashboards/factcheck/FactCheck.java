package org.wangwu.dashboards.factcheck;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.FactDefinition;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * Checks that a county's daily facts are still true: each module recounts its facts from its own
 * records (its declared recount), and every recorded value is compared with the recount. FLOW facts
 * are compared in full (a fact recorded with nothing behind it is a difference too); LEVEL facts on
 * the days the recount gives. The run and every difference are kept, for the county to read.
 */
@ApplicationScoped
public class FactCheck {

    public static final String JOB = "fact-check";

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleRegistry registry;

    @Inject
    AuditLog audit;

    /** One fact value of one day, place and dimension. */
    private record Key(String module, String fact, LocalDate day, String place, String dimension) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    /** Runs the check in the county now, for a person or for the job runner ({@link Caller#system}). */
    public Uni<FactCheckRun> run(CountyCode county, Caller caller) {
        return tx.inCounty(county, session -> compare(session, county, new ArrayList<>(registry.all()), 0, new ArrayList<>(),
                new int[1]).chain(found -> save(session, county, caller, found)));
    }

    public Uni<FactCheckRun> latest(CountyCode county) {
        return one(county, null);
    }

    /** One facts check of the county, or null when there is none by that id. */
    public Uni<FactCheckRun> find(CountyCode county, UUID id) {
        return one(county, id);
    }

    private Uni<FactCheckRun> one(CountyCode county, UUID id) {
        String which = id == null ? "order by checked_at desc limit 1" : "where id = cast(:id as uuid)";
        return tx.inCounty(county, session -> {
            var query = session.createNativeQuery("select cast(id as varchar), checked_at, checked_by, facts_compared,"
                    + " differences from dashboards_fact_check " + which, Object[].class);
            if (id != null) {
                query.setParameter("id", id.toString());
            }
            return query.getSingleResultOrNull().chain(row -> row == null ? Uni.createFrom().<FactCheckRun>nullItem()
                        : session.createNativeQuery("""
                                select module_key, fact, day, place_code, dimension, recorded, recounted
                                from dashboards_fact_difference where check_id = cast(:id as uuid)
                                order by module_key, fact, day, place_code, dimension""", Object[].class)
                        .setParameter("id", row[0]).getResultList()
                        .map(rows -> new FactCheckRun(UUID.fromString((String) row[0]), instant(row[1]), (String) row[2],
                                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(),
                                rows.stream().map(FactCheck::difference).toList())));
        });
    }

    private Uni<FactCheckState> compare(Mutiny.Session session, CountyCode county, List<ModuleDescriptor> modules, int next,
                                        List<FactCheckRun.Difference> found, int[] compared) {
        if (next == modules.size()) {
            return Uni.createFrom().item(new FactCheckState(found, compared[0]));
        }
        ModuleDescriptor module = modules.get(next);
        if (module.facts().isEmpty()) {
            return compare(session, county, modules, next + 1, found, compared);
        }
        return module.recount().recount(session, county).chain(recounted -> session.createNativeQuery("""
                        select fact, day, place_code, dimension, value from daily_fact where module_key = :module""",
                        Object[].class).setParameter("module", module.key()).getResultList().map(recorded -> {
                    Map<Key, BigDecimal[]> pairs = new TreeMap<>();
                    for (Object[] r : recorded) {
                        Key key = new Key(module.key(), (String) r[0], day(r[1]), (String) r[2], (String) r[3]);
                        pairs.computeIfAbsent(key, k -> new BigDecimal[2])[0] = (BigDecimal) r[4];
                    }
                    for (FactValue v : recounted) {
                        Key key = new Key(module.key(), v.fact(), v.day(), v.placeCode() == null ? "" : v.placeCode(),
                                v.dimension() == null ? "" : v.dimension());
                        BigDecimal[] pair = pairs.computeIfAbsent(key, k -> new BigDecimal[2]);
                        pair[1] = pair[1] == null ? v.value() : pair[1].add(v.value());
                    }
                    pairs.forEach((key, pair) -> {
                        boolean level = module.fact(key.fact()).map(f -> f.kind() == FactDefinition.Kind.LEVEL).orElse(false);
                        if (level && pair[1] == null) {
                            return;
                        }
                        compared[0]++;
                        BigDecimal recordedValue = pair[0] == null ? BigDecimal.ZERO : pair[0];
                        BigDecimal recountedValue = pair[1] == null ? BigDecimal.ZERO : pair[1];
                        if (recordedValue.compareTo(recountedValue) != 0) {
                            found.add(new FactCheckRun.Difference(key.module(), key.fact(), key.day(), key.place(),
                                    key.dimension(), recordedValue, recountedValue));
                        }
                    });
                    return found;
                })).chain(ignored -> compare(session, county, modules, next + 1, found, compared));
    }

    private record FactCheckState(List<FactCheckRun.Difference> differences, int compared) {
    }

    private Uni<FactCheckRun> save(Mutiny.Session session, CountyCode county, Caller caller, FactCheckState state) {
        FactCheckRun run = new FactCheckRun(UUID.randomUUID(), Instant.now(), caller.actor(),
                state.compared(), state.differences().size(), state.differences());
        Uni<?> chain = session.createNativeQuery("""
                        insert into dashboards_fact_check (tenant_id, id, checked_at, checked_by, facts_compared, differences)
                        values (:county, :id, :at, :by, :compared, :differences)""")
                .setParameter("county", county.value()).setParameter("id", run.id()).setParameter("at", run.checkedAt())
                .setParameter("by", run.checkedBy()).setParameter("compared", run.factsCompared())
                .setParameter("differences", run.differences()).executeUpdate();
        for (FactCheckRun.Difference d : state.differences()) {
            chain = chain.chain(() -> session.createNativeQuery("""
                            insert into dashboards_fact_difference (tenant_id, check_id, module_key, fact, day, place_code,
                                dimension, recorded, recounted)
                            values (:county, :id, :module, :fact, :day, :place, :dimension, :recorded, :recounted)""")
                    .setParameter("county", county.value()).setParameter("id", run.id()).setParameter("module", d.module())
                    .setParameter("fact", d.fact()).setParameter("day", d.day()).setParameter("place", d.placeCode())
                    .setParameter("dimension", d.dimension()).setParameter("recorded", d.recorded())
                    .setParameter("recounted", d.recounted()).executeUpdate());
        }
        return chain.chain(() -> audit.record(session, county, caller, "dashboards.fact-check-run", "fact-check", run.id(),
                Map.of("differences", run.differences()))).replaceWith(run);
    }

    private static FactCheckRun.Difference difference(Object[] r) {
        return new FactCheckRun.Difference((String) r[0], (String) r[1], day(r[2]), (String) r[3], (String) r[4],
                (BigDecimal) r[5], (BigDecimal) r[6]);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
    }
}
