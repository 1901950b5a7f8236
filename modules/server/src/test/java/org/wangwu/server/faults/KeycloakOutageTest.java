package org.wangwu.server.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.wangwu.local.KeycloakServer;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.WangwuTestEnvironment;

/**
 * Keycloak stopped under a running app: tokens it already issued keep working (the app verifies them
 * with the signing keys it holds), readiness says Keycloak is down, liveness stays UP. Keycloak is then
 * started again on its own database, so its keys and users are the same for the tests after this one.
 */
@QuarkusTest
class KeycloakOutageTest {

    @Test
    void aVerifiedTokenKeepsWorkingWhileKeycloakIsDown() {
        Territories.seedTwoCounties();
        String townships = county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households";
        as("jiyuan-admin").get(townships).then().statusCode(200);
        as("anji-admin").get(county(Api.ANJI) + "/territory/townships").then().statusCode(200);
        KeycloakServer keycloak = WangwuTestEnvironment.keycloak();

        keycloak.stopServer();
        try {
            as("jiyuan-admin").get(townships).then().statusCode(200)
                    .body("items.number", org.hamcrest.Matchers.hasItem("0001"));
            // The tokens still carry their county: the other county is refused as before.
            as("anji-admin").get(townships).then().statusCode(403);
            given().auth().oauth2("not-a-token").get(townships).then().statusCode(401);
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Keycloak' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database' }.status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            keycloak.startAgain();
            keycloak.awaitReady();
        }
        assertEquals(200, Readiness.await(), "readiness after Keycloak came back");
        as("jiyuan-admin").get(townships).then().statusCode(200);
    }
}
