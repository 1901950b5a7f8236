package org.wangwu.server.noticeboard;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * Stands in for a bug in module code: native SQL that forgets the county. Lives in the test sources
 * (under the notice board's path) to show that row-level security still holds beneath the Java layer.
 */
@Path("/api/v1/counties/{county}/noticeboard/probe")
@Authenticated
public class TenancyProbeResource {

    @Inject
    TenantTransactions tx;

    /** Every county code the unfiltered native query can see in the township table. */
    @GET
    @Path("/township-counties")
    public Uni<List<String>> visibleCounties(@PathParam("county") String county) {
        return tx.inCounty(CountyCode.of(county), s -> s
                .createNativeQuery("select distinct tenant_id from township", String.class).getResultList());
    }

    /**
     * What a province's unit of work sees when module code forgets itself and reads county tables:
     * the count of rows per table (township, daily_fact, notices) and the counties whose fact rollups it sees.
     */
    @GET
    @Path("/province/{province}")
    public Uni<List<String>> provinceView(@PathParam("county") String county, @PathParam("province") String province) {
        return tx.inProvince(province, s -> s.createNativeQuery(
                "select 'township:' || (select count(*) from township) union all "
                        + "select 'daily_fact:' || (select count(*) from daily_fact) union all "
                        + "select 'noticeboard_notice:' || (select count(*) from noticeboard_notice) union all "
                        + "(select distinct 'fact_month:' || tenant_id from fact_month)", String.class).getResultList());
    }

    /** Tries to write a notice into another county. */
    @POST
    @Path("/write-into/{other}")
    public Uni<Integer> writeIntoOtherCounty(@PathParam("county") String county, @PathParam("other") String other) {
        return tx.inCounty(CountyCode.of(county), s -> s
                .createNativeQuery("insert into noticeboard_notice (tenant_id, id, title, body) "
                        + "values (:other, gen_random_uuid(), 'probe', 'probe')")
                .setParameter("other", other).executeUpdate());
    }
}
