package org.wangwu.server.county;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.Tokens;
import org.wangwu.server.support.WangwuTestEnvironment;

/** A platform operator onboards, suspends and reactivates counties through the API, with no restart. */
@QuarkusTest
class CountyLifecycleTest {

    @BeforeEach
    void counties() {
        Counties.onboardDemoCounties();
    }

    @Test
    void operatorListsOnboardedCountiesByProvince() {
        as("operator").get("/api/v1/platform/counties?province=41").then().statusCode(200)
                .body("code", hasItem(Api.JIYUAN)).body("code", hasItem(Api.LINZHOU))
                .body("province", org.hamcrest.Matchers.everyItem(equalTo("41")));
    }

    @Test
    void onboardingTwiceIsAConflict() {
        as("operator").body(Map.of("code", Api.JIYUAN, "nameZh", "济源市", "nameEn", "Jiyuan", "province", "41"))
                .post("/api/v1/platform/counties").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("county-exists"));
    }

    @Test
    void provinceMustMatchTheCountyCode() {
        as("operator").body(Map.of("code", "340521", "nameZh", "当涂县", "nameEn", "Dangtu", "province", "41"))
                .post("/api/v1/platform/counties").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("province"));
        as("operator").get("/api/v1/platform/counties/340521").then().statusCode(404);
    }

    @Test
    void onboardingANewCountyCreatesItsKeycloakOrganization() {
        as("operator").body(Map.of("code", "500151", "nameZh", "铜梁区", "nameEn", "Tongliang", "province", "50"))
                .post("/api/v1/platform/counties").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("province", equalTo("50"));
        String platformToken = Tokens.client("wangwu-platform", "wangwu-platform-secret");
        String adminRealm = WangwuTestEnvironment.issuer().replace("/realms/", "/admin/realms/");
        io.restassured.RestAssured.given().auth().oauth2(platformToken).queryParam("search", "500151")
                .get(adminRealm + "/organizations").then().statusCode(200)
                .body("alias", hasItem("500151"));
        as("operator").get("/api/v1/platform/counties?province=50").then().statusCode(200)
                .body("code", equalTo(java.util.List.of("500151")));
    }

    @Test
    void onlyOperatorsOnboard() {
        as("jiyuan-admin").body(Map.of("code", "520329", "nameZh", "余庆县", "nameEn", "Yuqing", "province", "52"))
                .post("/api/v1/platform/counties").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void suspendedCountyIsRefusedAndKeepsItsDataUntilReactivated() {
        as("linzhou-admin").body(Map.of("code", "410581100", "nameZh", "任村镇", "nameEn", "Rencun"))
                .post(county(Api.LINZHOU) + "/territory/townships").then().statusCode(201);

        as("operator").body(Map.of("reason", "合同到期 contract lapsed"))
                .post("/api/v1/platform/counties/" + Api.LINZHOU + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        as("linzhou-admin").get(county(Api.LINZHOU) + "/territory/townships").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("county-suspended"));
        // The other county of the same province is untouched.
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules").then().statusCode(200);
        as("operator").body(Map.of()).post("/api/v1/platform/counties/" + Api.LINZHOU + "/suspend").then()
                .statusCode(409);

        as("operator").body(Map.of()).post("/api/v1/platform/counties/" + Api.LINZHOU + "/reactivate").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        as("linzhou-admin").get(county(Api.LINZHOU) + "/territory/townships").then().statusCode(200)
                .body("code", hasItem("410581100"));
    }
}
