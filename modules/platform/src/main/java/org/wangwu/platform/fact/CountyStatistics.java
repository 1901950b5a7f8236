package org.wangwu.platform.fact;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.county.County;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;

/**
 * A county's own statistics of a module, for its staff: every figure, by month for the county or by
 * township or village over the range, inside the county's unit of work.
 */
@ApplicationScoped
public class CountyStatistics {

    /** How the county's figures are grouped. */
    public enum By { MONTH, TOWNSHIP, VILLAGE }

    @Inject
    StatisticsEvaluator evaluator;

    @Inject
    PlaceDirectory places;

    public static By by(String value) {
        try {
            return value == null ? By.MONTH : By.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("by", "must be month, township or village");
        }
    }

    public Uni<StatisticsTable> table(Mutiny.Session session, CountyCode county, ModuleDescriptor module, String from,
                                      String to, By by) {
        FactQuery.Places grouping = switch (by) {
            case MONTH -> FactQuery.Places.COUNTY;
            case TOWNSHIP -> FactQuery.Places.TOWNSHIP;
            case VILLAGE -> FactQuery.Places.VILLAGE;
        };
        FactQuery query = FactQuery.months(List.of(county.value()), from, to, grouping, null);
        return evaluator.evaluate(session, module, query).chain(facts -> names(session, county).map(names ->
                StatisticsTable.of(module, facts, null, 0, names::get)));
    }

    /** Township and village names, and the county's own for its county-level row. */
    public Uni<Map<String, String>> names(Mutiny.Session session, CountyCode county) {
        return places.placeNames(session).chain(names -> session.find(County.class, county.value()).map(c -> {
            names.put(county.value(), c == null ? county.value() : c.nameZh);
            return names;
        }));
    }
}
