package org.wangwu.server.points;

import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Who sees what of the points bank, by the one reach rule of the platform: a clerk sees what a
 * redemption needs and no more; a township official whose token names no township reaches nothing;
 * a login that is both a resident's and a cadre's acts as the resident only.
 */
@QuarkusTest
class PointsAccessTest {

    private static final String MARKETS = county(Api.JIYUAN) + POINTS + "/supermarkets";

    private String account;
    private String market;

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        PointsFixture.record("jiyuan-cadre", "DEDUCT", household).then().statusCode(201);
        market = as("jiyuan-cadre").body(Map.of("name", "花石村爱心超市", "placeCode", Territories.JIYUAN_VILLAGE,
                "clerks", List.of("jiyuan-clerk"))).post(MARKETS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aClerkLooksUpTheBalanceOfAHouseholdTheSupermarketServesAndNothingMore() {
        as("jiyuan-clerk").get(MARKETS + "/" + market + "/accounts/" + account).then().statusCode(200)
                .body("balance", equalTo(8)).body("id", equalTo(account));
        // The village's awards and deductions, the account list and the statement are not the clerk's to read.
        as("jiyuan-clerk").get(county(Api.JIYUAN) + POINTS + "/awards").then().statusCode(403);
        as("jiyuan-clerk").queryParam("village", Territories.JIYUAN_VILLAGE).get(county(Api.JIYUAN) + POINTS + "/awards")
                .then().statusCode(403);
        as("jiyuan-clerk").get(county(Api.JIYUAN) + POINTS + "/accounts").then().statusCode(403);
        as("jiyuan-clerk").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement").then()
                .statusCode(403);
        as("jiyuan-clerk").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account).then().statusCode(403);
        // A household of a village the supermarket does not serve, and another county's clerk: refused.
        String nanxun = PointsFixture.record("jiyuan-admin", "RECORD-DIRECT",
                PointsFixture.freshHousehold(Territories.JIYUAN_OTHER_VILLAGE)).then().statusCode(201)
                .extract().path("accountId");
        as("jiyuan-clerk").get(MARKETS + "/" + market + "/accounts/" + nanxun).then().statusCode(403);
        as("anji-clerk").get(MARKETS + "/" + market + "/accounts/" + account).then().statusCode(403);
        // Staff of the village still read everything they read before.
        as("jiyuan-cadre").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement").then()
                .statusCode(200).body("items.kind", equalTo(List.of("DEDUCTION", "AWARD")));
    }

    @Test
    void aTownshipOfficialWithoutATownshipReachesNothingAndIsToldWhy() {
        as("jiyuan-township-unplaced").get(county(Api.JIYUAN) + POINTS + "/awards").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("no-reach"));
        as("jiyuan-township-unplaced").get(county(Api.JIYUAN) + POINTS + "/accounts").then().statusCode(403)
                .body("code", equalTo("no-reach"));
        as("jiyuan-township-unplaced").queryParam("village", Territories.JIYUAN_VILLAGE)
                .get(county(Api.JIYUAN) + POINTS + "/awards").then().statusCode(403);
        as("jiyuan-township-unplaced").get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE
                + "/households").then().statusCode(403);
        // The same role with its township sees the township's villages.
        as("jiyuan-township").get(county(Api.JIYUAN) + POINTS + "/awards").then().statusCode(200);
        as("jiyuan-township").get(county(Api.JIYUAN) + POINTS + "/accounts").then().statusCode(200);
    }

    @Test
    void aResidentsLoginWithACadreRoleDoesNotActAsACadre() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        PointsFixture.record("jiyuan-cadre-resident", "RECORD-DIRECT", household).then().statusCode(403);
        as("jiyuan-cadre-resident").get(county(Api.JIYUAN) + POINTS + "/accounts").then().statusCode(403);
        as("jiyuan-cadre-resident").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account).then().statusCode(403);
        as("jiyuan-cadre-resident").get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE
                + "/households").then().statusCode(403);
        // As a resident it reads what residents read.
        as("jiyuan-cadre-resident").get(county(Api.JIYUAN) + POINTS + "/rules").then().statusCode(200);
    }

    @Test
    void walkingTheAccountListPageByPageShowsEveryAccountOfTheVillageOnce() {
        // Enough accounts that ids starting with every hex digit occur, listed three at a time.
        for (int i = 0; i < 6; i++) {
            PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE))
                    .then().statusCode(201);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        do {
            var request = as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(county(Api.JIYUAN) + POINTS + "/accounts").then().statusCode(200).extract();
            for (String id : page.<List<String>>path("items.id")) {
                org.junit.jupiter.api.Assertions.assertTrue(seen.add(id), "listed twice: " + id);
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(org.wangwu.server.support.Database.count(
                "select count(*) from points_account where tenant_id = '" + Api.JIYUAN + "' and village_code like '"
                        + Territories.JIYUAN_VILLAGE + "%'"), seen.size());
    }
}
