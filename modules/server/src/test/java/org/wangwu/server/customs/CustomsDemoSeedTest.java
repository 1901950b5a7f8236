package org.wangwu.server.customs;

import static org.hamcrest.Matchers.hasItem;
import static org.wangwu.server.customs.CustomsFixture.base;
import static org.wangwu.server.support.Api.as;

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
import org.wangwu.server.support.Territories;

/**
 * The demo seed lives half a year of a county's customs work through the module's services: the
 * village gets its council, registrations are decided and verified, and the facts it leaves agree
 * with the recount. Linzhou stands in for a demo county here.
 */
@QuarkusTest
class CustomsDemoSeedTest {

    private static final String VILLAGE = "410581100202";

    @Inject
    ModuleRegistry registry;

    @Test
    void halfAYearOfCustomsWorkIsSeededThroughTheServices() throws Throwable {
        CustomsFixture.seed();
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "townships", "code,name_zh,name_en\n410581100,任村镇,Rencun\n");
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "villages", "code,township_code,name_zh,name_en\n"
                + VILLAGE + ",410581100,石板岩村,Shibanyan\n");
        StringBuilder households = new StringBuilder("village_code,number\n");
        StringBuilder residents = new StringBuilder("village_code,household_number,name,gender,relation\n");
        for (int h = 1; h <= 40; h++) {
            String number = String.format("S%03d", h);
            households.append(VILLAGE).append(',').append(number).append('\n');
            residents.append(VILLAGE).append(',').append(number).append(",石").append(h).append("号,MALE,户主\n");
        }
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "households", households.toString());
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "residents", residents.toString());
        CustomsFixture.enable("linzhou-admin", Api.LINZHOU, "customs");

        CountyCode linzhou = CountyCode.of(Api.LINZHOU);
        VertxContextSupport.subscribeAndAwait(() -> registry.find("customs").orElseThrow().demoSeed().seed(linzhou));

        as("linzhou-admin").get(base(Api.LINZHOU) + "/villages/" + VILLAGE + "/council").then().statusCode(200)
                .body("username", hasItem("system:demo-council"));
        List<Map<String, Object>> seeded = as("linzhou-admin").queryParam("village", VILLAGE).queryParam("limit", 200)
                .get(base(Api.LINZHOU) + "/registrations").then().statusCode(200).extract().path("items");
        Assertions.assertTrue(seeded.size() >= 10, "registrations seeded: " + seeded.size());
        Assertions.assertTrue(seeded.stream().anyMatch(r -> "VERIFIED".equals(r.get("status"))));
        CustomsFixture.assertFactsAgreeWithRecount(registry, Api.LINZHOU);
    }
}
