package org.wangwu.server.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Tokens;

/**
 * A county administrator registers third-party apps; each app works with real client-credentials
 * tokens, only for its modules and its county; a revoked app's token is refused at once.
 */
@QuarkusTest
class AppRegistrationTest {

    static final String JIYUAN_APPS = county(Api.JIYUAN) + "/apps";
    static final String ANJI_APPS = county(Api.ANJI) + "/apps";

    @BeforeEach
    void countiesWithModulesOn() {
        Counties.onboardDemoCounties();
        for (String module : List.of("points", "noticeboard")) {
            as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/" + module + "/status")
                    .then().statusCode(200);
        }
    }

    @Test
    void aRegisteredAppReadsItsModuleOnlyAndOnlyInItsCounty() {
        JsonPath app = register("jiyuan-admin", JIYUAN_APPS, List.of("points"));
        String id = app.getString("id");
        String clientId = app.getString("clientId");
        String token = token(clientId, app.getString("clientSecret"));

        withToken(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(200);
        withToken(token).get(county(Api.JIYUAN) + "/noticeboard/notices").then().statusCode(403)
                .body("code", equalTo("scope-missing"));
        withToken(token).get(county(Api.ANJI) + "/points/rules").then().statusCode(403)
                .body("code", equalTo("county-mismatch"));
        withToken(token).get(JIYUAN_APPS).then().statusCode(403);

        // The secret is shown once; the list and the app itself never show it again.
        as("jiyuan-admin").get(JIYUAN_APPS).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.clientId", equalTo(clientId))
                .body("find { it.id == '" + id + "' }.clientSecret", nullValue());
        as("jiyuan-admin").get(JIYUAN_APPS + "/" + id).then().statusCode(200).body("modules", equalTo(List.of("points")))
                .body("clientSecret", nullValue());

        // Anji's administrator neither sees nor touches Jiyuan's app.
        as("anji-admin").get(ANJI_APPS).then().statusCode(200).body("id", not(hasItem(id)));
        as("anji-admin").get(ANJI_APPS + "/" + id).then().statusCode(404);
        as("anji-admin").post(ANJI_APPS + "/" + id + "/revoke").then().statusCode(404);
        as("anji-admin").post(ANJI_APPS + "/" + id + "/secret").then().statusCode(404);
        as("anji-admin").get(JIYUAN_APPS).then().statusCode(403);
        withToken(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(200);

        as("jiyuan-admin").queryParam("action", "app.registered").queryParam("targetId", id)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items[0].actor", equalTo("jiyuan-admin"));
    }

    @Test
    void aRevokedAppsTokenIsRefusedAtOnce() {
        JsonPath app = register("jiyuan-admin", JIYUAN_APPS, List.of("points"));
        String id = app.getString("id");
        String token = token(app.getString("clientId"), app.getString("clientSecret"));
        withToken(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(200);

        as("jiyuan-admin").post(JIYUAN_APPS + "/" + id + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());

        // The token obtained before revocation has not expired, yet it is refused.
        withToken(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("app-revoked"));
        assertEquals(401, Tokens.clientGrant(app.getString("clientId"), app.getString("clientSecret")).statusCode(),
                "Keycloak no longer issues tokens to a revoked app");
        as("jiyuan-admin").post(JIYUAN_APPS + "/" + id + "/revoke").then().statusCode(409);
        as("jiyuan-admin").post(JIYUAN_APPS + "/" + id + "/secret").then().statusCode(409);
        as("jiyuan-admin").queryParam("action", "app.revoked").queryParam("targetId", id)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void modulesTakenAwayAreRefusedAtOnceAndARotatedSecretReplacesTheOld() {
        JsonPath app = register("jiyuan-admin", JIYUAN_APPS, List.of("points"));
        String id = app.getString("id");
        String clientId = app.getString("clientId");
        String oldSecret = app.getString("clientSecret");
        String pointsToken = token(clientId, oldSecret);

        as("jiyuan-admin").body(Map.of("modules", List.of("noticeboard"))).put(JIYUAN_APPS + "/" + id + "/modules")
                .then().statusCode(200).body("modules", equalTo(List.of("noticeboard")));
        withToken(pointsToken).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(403)
                .body("code", equalTo("scope-missing"));

        String rotated = as("jiyuan-admin").post(JIYUAN_APPS + "/" + id + "/secret").then().statusCode(200)
                .body("clientSecret", notNullValue()).body("secretRotatedAt", notNullValue())
                .extract().path("clientSecret");
        assertEquals(401, Tokens.clientGrant(clientId, oldSecret).statusCode(), "the old secret no longer works");
        String noticeToken = token(clientId, rotated);
        withToken(noticeToken).get(county(Api.JIYUAN) + "/noticeboard/notices").then().statusCode(200);
        withToken(noticeToken).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(403);
    }

    @Test
    void badRegistrationsChangeNothing() {
        long before = Database.count("select count(*) from app_registration");
        as("jiyuan-admin").body(Map.of("name", "x", "contactEmail", "dev@example.org", "modules", List.of("lottery")))
                .post(JIYUAN_APPS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("modules[0]"));
        as("jiyuan-admin").body(Map.of("name", "x", "contactEmail", "not-an-email", "modules", List.of("points")))
                .post(JIYUAN_APPS).then().statusCode(400);
        as("jiyuan-admin").body(Map.of("name", "x", "contactEmail", "dev@example.org", "modules", List.of("points"),
                "requestsPerMinute", 0)).post(JIYUAN_APPS).then().statusCode(400);
        as("jiyuan-cadre").body(Map.of("name", "x", "contactEmail", "dev@example.org", "modules", List.of("points")))
                .post(JIYUAN_APPS).then().statusCode(403);
        assertEquals(before, Database.count("select count(*) from app_registration"));
    }

    static JsonPath register(String admin, String path, List<String> modules) {
        return as(admin).body(Map.of("name", "村务公开小程序", "contactEmail", "dev@apps.example.org", "modules", modules))
                .post(path).then().statusCode(201)
                .header("Location", containsString(path + "/"))
                .body("clientId", startsWith("app-")).body("clientSecret", notNullValue()).body("status", equalTo("ACTIVE"))
                .extract().jsonPath();
    }

    static String token(String clientId, String secret) {
        io.restassured.response.Response grant = Tokens.clientGrant(clientId, secret);
        assertEquals(200, grant.statusCode(), grant.asString());
        return grant.jsonPath().getString("access_token");
    }

    static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
