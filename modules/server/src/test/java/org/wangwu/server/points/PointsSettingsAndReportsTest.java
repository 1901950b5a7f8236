package org.wangwu.server.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.support.Api.as;
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

/** The county's settings of the module, and what it reports: leaderboards (statistics come from its facts). */
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
                .body("descriptor.statistics.key", hasItems("points-issued", "points-redeemed", "households-active-share"))
                .body("descriptor.jobs.key", hasItems("disclosure", "expiry"))
                .body("descriptor.consumes.type", hasItem("disputes.case-resolved"));
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
    void thePublicNoticeBoardAnswersOnlyForACountyWithTheModuleOn() {
        // The public notice board needs no login, but only for a county with the module on.
        given().get("/api/v1/public/counties/" + Api.LINZHOU + "/points/disclosures").then().statusCode(404);
        given().queryParam("place", Territories.JIYUAN_VILLAGE)
                .get("/api/v1/public/counties/" + Api.JIYUAN + "/points/disclosures").then().statusCode(200);
    }
}
