package org.wangwu.server.points;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * The demo seed lives half a year of a county's points bank through the module's services. It lets a
 * refusal pass (a deed over its cap, goods sold out) and nothing else: were any other failure swallowed,
 * a demo county would start with fewer deeds than it shows. Linzhou stands in for a demo county; Anji,
 * the other county, sees none of it.
 */
@QuarkusTest
class PointsDemoSeedTest {

    private static final String VILLAGE = "410581101201";
    private static final String POINTS = "/points";

    @Inject
    ModuleRegistry registry;

    @Test
    void halfAYearOfPointsIsSeededThroughTheServicesAndTheBooksBalance() throws Throwable {
        Territories.seedTwoCounties();
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "townships", "code,name_zh,name_en\n410581101,姚村镇,Yaocun\n");
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "villages", "code,township_code,name_zh,name_en\n"
                + VILLAGE + ",410581101,西乡坪村,Xixiangping\n");
        StringBuilder households = new StringBuilder("village_code,number\n");
        for (int h = 1; h <= 12; h++) {
            households.append(VILLAGE).append(',').append(String.format("P%03d", h)).append('\n');
        }
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "households", households.toString());
        PointsFixture.enable("linzhou-admin", Api.LINZHOU);
        try {
            seededHalfAYear();
        } finally {
            // Linzhou runs no points bank in the other tests.
            as("linzhou-admin").body(Map.of("enabled", false)).put(county(Api.LINZHOU) + "/modules/points/status")
                    .then().statusCode(200);
        }
    }

    private void seededHalfAYear() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> registry.find("points").orElseThrow().demoSeed()
                .seed(CountyCode.of(Api.LINZHOU)));

        String awards = county(Api.LINZHOU) + POINTS + "/awards";
        List<Map<String, Object>> posted = as("linzhou-admin").queryParam("village", VILLAGE)
                .queryParam("status", "POSTED").queryParam("limit", 200).get(awards).then().statusCode(200)
                .extract().path("items");
        // Twelve households, a deed for four in ten of them a week for 26 weeks: most post, a few meet a cap.
        Assertions.assertTrue(posted.size() >= 60, "posted awards seeded: " + posted.size());

        List<Map<String, Object>> shops = as("linzhou-admin").queryParam("place", VILLAGE)
                .get(county(Api.LINZHOU) + POINTS + "/supermarkets").then().statusCode(200).extract().path("$");
        Assertions.assertEquals(1, shops.size(), "one love supermarket in the village");
        List<Map<String, Object>> redemptions = as("linzhou-admin").queryParam("limit", 200)
                .get(county(Api.LINZHOU) + POINTS + "/supermarkets/" + shops.get(0).get("id") + "/redemptions")
                .then().statusCode(200).extract().path("items");
        Assertions.assertFalse(redemptions.isEmpty(), "households spent points at the supermarket");

        Assertions.assertEquals(0, Database.count("""
                select count(*) from points_account a where a.balance <> (select coalesce(sum(points), 0)
                  from points_ledger_entry e where e.tenant_id = a.tenant_id and e.account_id = a.id)
                or a.balance <> (select coalesce(sum(remaining), 0) from points_lot l
                  where l.tenant_id = a.tenant_id and l.account_id = a.id)"""), "balance = entries = lots");
        Assertions.assertEquals(0, Database.count("select count(*) from points_goods where stock < 0"));

        as("anji-admin").queryParam("village", VILLAGE).get(awards).then().statusCode(403);
    }
}
