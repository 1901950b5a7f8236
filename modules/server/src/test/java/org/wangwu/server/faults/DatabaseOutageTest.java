package org.wangwu.server.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wangwu.local.EmbeddedDatabase;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.WangwuTestEnvironment;

/**
 * PostgreSQL stopped under a running app: reads and writes answer 503 problems with Retry-After,
 * readiness is DOWN and liveness UP; started again, the same app serves reads and writes with no restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String HOUSEHOLDS = county(Api.JIYUAN) + "/territory/households";

    @Test
    void anOutageIsA503WithRetryAfterAndTheAppServesAgainWhenTheDatabaseIsBack() {
        Territories.seedTwoCounties();
        String villageHouseholds = county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households";
        as("jiyuan-admin").get(villageHouseholds).then().statusCode(200);
        as("anji-admin").get(county(Api.ANJI) + "/territory/townships").then().statusCode(200);
        EmbeddedDatabase database = WangwuTestEnvironment.database();
        String number = "O" + UUID.randomUUID().toString().substring(0, 8);

        database.stopServer();
        try {
            as("jiyuan-admin").get(villageHouseholds).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("code", equalTo("database-unavailable"));
            as("jiyuan-admin").body(Map.of("villageCode", Territories.JIYUAN_VILLAGE, "number", number)).post(HOUSEHOLDS)
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Keycloak' }.status", equalTo("UP"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            database.startServer();
        }

        assertEquals(200, Readiness.await(), "readiness after the database came back");
        given().get("/q/health/ready").then().body("checks.find { it.name == 'Database' }.status", equalTo("UP"));
        as("jiyuan-admin").body(Map.of("villageCode", Territories.JIYUAN_VILLAGE, "number", number)).post(HOUSEHOLDS)
                .then().statusCode(201);
        as("jiyuan-admin").get(villageHouseholds).then().statusCode(200).body("items.number", hasItem(number));
        // The outage refused the first attempt: the household exists once, and only in its county.
        as("jiyuan-admin").body(Map.of("villageCode", Territories.JIYUAN_VILLAGE, "number", number)).post(HOUSEHOLDS)
                .then().statusCode(422);
        as("anji-admin").get(villageHouseholds).then().statusCode(403);
    }
}
