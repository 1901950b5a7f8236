package org.wangwu.points.rules;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.points.PointsPermissions;

/** The county's rule catalogue as villagers and staff read it; administrators edit it in the module settings. */
@Path("/api/v1/counties/{county}/points/rules")
@Tag(name = "Points", description = "Moral points bank: rules, awards, disclosure, ledger, love supermarkets")
@Authenticated
public class RulesResource {

    @Inject
    TenantTransactions tx;

    @Inject
    Policies policies;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PointsPermissions permissions;

    @GET
    @Operation(summary = "The county's rule catalogue: items, points, caps, who records them, whether reviewed",
            description = "The county's catalogue of points rules (filial piety, helping neighbours, volunteer "
                    + "service, clean environment, customs compliance, civic participation, and deductions), as "
                    + "the county set it in the points settings: points, evidence, caps, who records, whether "
                    + "reviewed.")
    public Uni<List<Rule>> list(@PathParam("county") String county) {
        permissions.readCounty(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> policies.current(s).map(PointsPolicy::rules));
    }
}
