package org.wangwu.platform.fact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.FactDefinition;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Records a module's daily facts, inside the caller's transaction, so that a change and the facts it
 * causes commit or roll back together. A FLOW fact adds to the day's value; a LEVEL fact replaces it.
 * Only facts the module's descriptor declares may be recorded. The database rolls each fact up by
 * month (table {@code fact_month}, same transaction) for the readers in {@link StatisticsEvaluator}.
 */
@ApplicationScoped
public class DailyFacts {

    @Inject
    ModuleRegistry registry;

    /** Adds (FLOW) or sets (LEVEL) the fact for a day at a place ({@code null}: the county) with no dimension. */
    public Uni<Void> record(Mutiny.Session session, CountyCode county, String module, String fact, LocalDate day,
                            String placeCode, long amount) {
        return record(session, county, module, fact, day, placeCode, null, BigDecimal.valueOf(amount));
    }

    /** Adds (FLOW) or sets (LEVEL) the fact for a day, place ({@code null}: the county) and dimension ({@code null}: none). */
    public Uni<Void> record(Mutiny.Session session, CountyCode county, String module, String fact, LocalDate day,
                            String placeCode, String dimension, long amount) {
        return record(session, county, module, fact, day, placeCode, dimension, BigDecimal.valueOf(amount));
    }

    public Uni<Void> record(Mutiny.Session session, CountyCode county, String module, String fact, LocalDate day,
                            String placeCode, String dimension, BigDecimal amount) {
        CombinedWrite write = new CombinedWrite();
        record(write, county, module, fact, day, placeCode, dimension, amount, null);
        return write.execute(session);
    }

    /**
     * The same as a part of {@code write}; recorded only where {@code condition} (SQL over values bound
     * in {@code write}, {@code null}: always) holds when the statement starts.
     */
    public void record(CombinedWrite write, CountyCode county, String module, String fact, LocalDate day,
                       String placeCode, String dimension, BigDecimal amount, String condition) {
        recordOn(write, county, module, fact, write.bind(day), condition == null ? "" : " where " + condition,
                placeCode, dimension, amount);
    }

    /**
     * The same on the day that {@code daySql} gives, an SQL expression over {@code from}: a {@code from} clause
     * (with its {@code where}, {@code group by} or {@code having}, over values bound in {@code write}) that
     * yields at most one row; nothing is recorded where it yields none. For a fact that moves to another day
     * of a module's rows, such as the first day of something in a month.
     */
    public void recordOn(CombinedWrite write, CountyCode county, String module, String fact, String daySql,
                         String from, String placeCode, String dimension, BigDecimal amount) {
        FactDefinition definition = registry.find(module).flatMap(d -> d.fact(fact))
                .orElseThrow(() -> new IllegalArgumentException("Module " + module + " declares no fact " + fact));
        if ("*".equals(placeCode) || "*".equals(dimension)) {
            throw new IllegalArgumentException("'*' stands for all places or dimensions; record a real one");
        }
        String merge = definition.kind() == FactDefinition.Kind.FLOW ? "daily_fact.value + excluded.value" : "excluded.value";
        write.add("insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind) select "
                + write.bind(county.value()) + ", " + write.bind(module) + ", " + write.bind(fact) + ", "
                + daySql + ", " + write.bind(placeCode == null ? "" : placeCode) + ", "
                + write.bind(dimension == null ? "" : dimension) + ", cast(" + write.bind(amount) + " as numeric), "
                + write.bind(definition.kind().name()) + from
                + " on conflict (tenant_id, module_key, fact, day, place_code, dimension) do update set value = " + merge);
    }
}
