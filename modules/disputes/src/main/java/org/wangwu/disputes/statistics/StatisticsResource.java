package org.wangwu.disputes.statistics;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/** Dashboard figures for the county, or for a township official's township. */
@Path("/api/v1/counties/{county}/disputes/statistics")
@Tag(name = "Disputes")
@Authenticated
public class StatisticsResource {

    private static final int MAX_MONTHS = 36;

    @Inject
    TenantTransactions tx;

    @Inject
    DisputeStatistics statistics;

    @Inject
    DisputesPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformClock clock;

    @GET
    @Operation(summary = "Per month: received, resolved, share resolved at each level, average days to resolve, "
            + "overdue, follow-ups and satisfaction (from and to as YYYY-MM; the last 12 months by default)")
    public Uni<DisputeStatistics.Report> report(@PathParam("county") String county, @QueryParam("from") String from,
                                                @QueryParam("to") String to) {
        Caller caller = currentCaller.get();
        String township = permissions.statistics(caller).orElse(null);
        YearMonth last = to == null ? YearMonth.from(clock.today()) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last) || first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalidField("from", "must not be after 'to', and at most " + MAX_MONTHS
                    + " months before it");
        }
        return tx.inCounty(CountyCode.of(county), s -> statistics.report(s, first, last, township));
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a month as YYYY-MM");
        }
    }
}
