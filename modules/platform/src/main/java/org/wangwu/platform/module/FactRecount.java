package org.wangwu.platform.module;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Recomputes a module's daily facts from the module's own records, in a transaction of the county,
 * so that the platform can compare them with the facts recorded as changes happened and report any
 * difference. Every FLOW fact is recounted in full; a LEVEL fact only for the days the module's
 * records still show.
 */
@FunctionalInterface
public interface FactRecount {

    Uni<List<FactValue>> recount(Mutiny.Session session, CountyCode county);

    /** One fact's value for a day, place ({@code ""}: the county) and dimension ({@code ""}: none). */
    record FactValue(String fact, LocalDate day, String placeCode, String dimension, BigDecimal value) {
    }
}
