package org.wangwu.server.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.asApp;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** The county's settings of the module, and what it reports: leaderboards and monthly figures. */
@QuarkusTest
class PointsSettingsAndReportsTest {

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
    }

    @Test
    void theDescriptorDeclaresTheSettingsEventsAndStatistics() {
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/points").then().statusCode(200)
                .body("descriptor.name.zh", equalTo("道德积分银行"))
                .body("descriptor.settings.key", hasItems("accountHolder", "rules", "disclosureDays", "expiryPolicy",
                        "expiryDate", "expiryMonths", "maxRedemptionPerDay", "nameDisplay", "eventRules"))
                .body("descriptor.publishes.type", hasItems("points.award-posted", "points.redemption-made",
                        "points.points-expired"))
                .body("descriptor.statistics.key", hasItem("households-active-share"));
    }

    @Test
    void aBadCatalogueIsRefusedAndAGoodOneIsWhatVillagersRead() {
        List<Map<String, Object>> rules = new ArrayList<>(PointsFixture.testRules());
        rules.add(PointsFixture.rule("DEDUCT", -1, false, 0, List.of("village-cadre"), false));
        int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/points/settings").then()
                .extract().path("revision");
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("rules", rules)))
                .put(county(Api.JIYUAN) + "/modules/points/settings").then().statusCode(422)
                .body("errors[0].field", equalTo("values.rules"));
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("rules",
                        List.of(PointsFixture.rule("SELF-DEDUCT", -3, false, 0, List.of("resident"), false)))))
                .put(county(Api.JIYUAN) + "/modules/points/settings").then().statusCode(422);
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("expiryDate", "13-45")))
                .put(county(Api.JIYUAN) + "/modules/points/settings").then().statusCode(422);
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("eventRules", Map.of("wedding", "X1"))))
                .put(county(Api.JIYUAN) + "/modules/points/settings").then().statusCode(422);
        as("jiyuan-resident").get(county(Api.JIYUAN) + POINTS + "/rules").then().statusCode(200)
                .body("code", hasItems("APPLY-EVIDENCE", "RECORD-DIRECT", "DEDUCT"));
        // Anji keeps the default catalogue.
        as("anji-resident").get(county(Api.ANJI) + POINTS + "/rules").then().statusCode(200)
                .body("code", hasItem("FILIAL-01"));
    }

    @Test
    void leaderboardsRankByPlaceWithNamesAsTheCountyAllows() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        String period = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        List<Map<String, Object>> village = as("jiyuan-resident").queryParam("place", Territories.JIYUAN_VILLAGE)
                .queryParam("period", period).queryParam("limit", 200)
                .get(county(Api.JIYUAN) + POINTS + "/leaderboards").then().statusCode(200).extract().path("$");
        Assertions.assertTrue(village.stream().anyMatch(l -> account.equals(l.get("accountId"))), village.toString());
        Assertions.assertEquals(1, village.get(0).get("rank"));
        for (int i = 1; i < village.size(); i++) {
            Assertions.assertTrue(((Number) village.get(i - 1).get("points")).longValue()
                    >= ((Number) village.get(i).get("points")).longValue());
        }
        List<Map<String, Object>> township = as("jiyuan-township").queryParam("period", period.substring(0, 4))
                .queryParam("limit", 200).get(county(Api.JIYUAN) + POINTS + "/leaderboards").then().statusCode(200)
                .extract().path("$");
        Assertions.assertTrue(township.stream().anyMatch(l -> account.equals(l.get("accountId"))));
        // Nanxun's board does not list Huashi's households.
        List<String> nanxun = as("jiyuan-resident").queryParam("place", Territories.JIYUAN_OTHER_VILLAGE)
                .get(county(Api.JIYUAN) + POINTS + "/leaderboards").then().statusCode(200).extract().path("accountId");
        Assertions.assertFalse(nanxun.contains(account));
        as("jiyuan-resident").queryParam("period", "2025-13x").get(county(Api.JIYUAN) + POINTS + "/leaderboards")
                .then().statusCode(400);
    }

    @Test
    void monthlyFiguresPerVillageForStaffAndTheCountysAppOnly() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        List<Map<String, Object>> rows = as("jiyuan-admin").queryParam("from", month).queryParam("to", month)
                .get(county(Api.JIYUAN) + POINTS + "/statistics").then().statusCode(200).extract().path("$");
        Map<String, Object> huashi = rows.stream().filter(r -> Territories.JIYUAN_VILLAGE.equals(r.get("villageCode")))
                .findFirst().orElseThrow();
        Assertions.assertEquals(month, huashi.get("month"));
        Assertions.assertTrue(((Number) huashi.get("issued")).longValue() >= 10);
        long active = ((Number) huashi.get("activeHouseholds")).longValue();
        long households = ((Number) huashi.get("households")).longValue();
        Assertions.assertTrue(active >= 1 && active <= households, huashi.toString());
        Assertions.assertEquals(Math.round(active * 10000.0 / households) / 10000.0,
                ((Number) huashi.get("activeShare")).doubleValue(), 1e-9);

        asApp("jiyuan-points-app").get(county(Api.JIYUAN) + POINTS + "/statistics").then().statusCode(200);
        as("jiyuan-resident").get(county(Api.JIYUAN) + POINTS + "/statistics").then().statusCode(403);
        asApp("anji-disputes-app").get(county(Api.ANJI) + POINTS + "/statistics").then().statusCode(403);
        as("anji-admin").get(county(Api.ANJI) + POINTS + "/statistics").then().statusCode(200)
                .body("villageCode.flatten()", org.hamcrest.Matchers.not(hasItem(Territories.JIYUAN_VILLAGE)));
        // The public notice board needs no login, but only for a county with the module on.
        given().get("/api/v1/public/counties/" + Api.LINZHOU + "/points/disclosures").then().statusCode(404);
    }
}
