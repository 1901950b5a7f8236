package org.wangwu.server.tenancy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.asApp;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Tenancy in depth, with real Keycloak tokens: the token's county gates the path, the Hibernate
 * filter hides other counties' rows, and row-level security holds even for native SQL.
 */
@QuarkusTest
class CrossCountyAccessTest {

    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/noticeboard/status")
                .then().statusCode(200);
        as("anji-admin").body(Map.of("enabled", true)).put(county(Api.ANJI) + "/modules/noticeboard/status")
                .then().statusCode(200);
    }

    @Test
    void aCountyTokenIsRefusedOnAnotherCountysPaths() {
        as("jiyuan-admin").get(county(Api.ANJI) + "/territory/townships").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("county-mismatch"));
        as("jiyuan-admin").body(Map.of("code", "330523102", "nameZh", "递铺")).post(county(Api.ANJI) + "/territory/townships")
                .then().statusCode(403);
        as("anji-admin").get(county(Api.ANJI) + "/territory/townships").then().statusCode(200)
                .body("code", contains(Territories.ANJI_TOWNSHIP));
    }

    @Test
    void anIdFromOneCountyFindsNothingUnderAnother() {
        String anjiResident = as("anji-admin").get(county(Api.ANJI) + "/territory/villages/" + Territories.ANJI_VILLAGE
                + "/residents").then().statusCode(200).extract().path("items[0].id");
        // Jiyuan's administrator asks for Anji's resident under Jiyuan's own path: the filter hides it.
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/residents/" + anjiResident).then().statusCode(404)
                .contentType("application/problem+json");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/residents/" + anjiResident + "/personal-data")
                .then().statusCode(404);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + Territories.ANJI_VILLAGE + "/residents")
                .then().statusCode(403);
    }

    @Test
    void rowLevelSecurityHidesOtherCountiesFromNativeSqlThatSkipsTheFilter() {
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/noticeboard/probe/township-counties").then().statusCode(200)
                .body("$", contains(Api.JIYUAN));
        as("anji-admin").get(county(Api.ANJI) + "/noticeboard/probe/township-counties").then().statusCode(200)
                .body("$", contains(Api.ANJI));
    }

    @Test
    void rowLevelSecurityRefusesAWriteIntoAnotherCountyWith403() {
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/noticeboard/probe/write-into/" + Api.ANJI).then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("row-level-security"));
        as("anji-admin").get(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(200)
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("probe")));
    }

    @Test
    void aThirdPartyAppReachesOnlyItsCountyAndItsModules() {
        asApp("jiyuan-points-app").get(county(Api.JIYUAN) + "/territory/townships").then().statusCode(403)
                .body("code", equalTo("scope-missing"));
        asApp("jiyuan-points-app").get(county(Api.JIYUAN) + "/noticeboard/notices").then().statusCode(403);
        asApp("anji-disputes-app").get(county(Api.JIYUAN) + "/noticeboard/notices").then().statusCode(403)
                .body("code", equalTo("county-mismatch"));
    }

    @Test
    void noTokenNoEntry() {
        io.restassured.RestAssured.given().get(county(Api.JIYUAN) + "/territory/townships").then().statusCode(401);
    }
}
