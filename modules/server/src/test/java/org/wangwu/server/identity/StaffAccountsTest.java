package org.wangwu.server.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.identity.AppRegistrationTest.withToken;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.Tokens;

/**
 * A county administrator creates and manages staff accounts in Keycloak; the people sign in and
 * reach what their roles and reach allow; no county grants platform roles or another county's places.
 */
@QuarkusTest
class StaffAccountsTest {

    static final String JIYUAN_STAFF = county(Api.JIYUAN) + "/staff";
    static final String ANJI_STAFF = county(Api.ANJI) + "/staff";
    static final String PASSWORD = "Start-2026-huashi";

    @BeforeEach
    void register() {
        Territories.seedTwoCounties();
    }

    @Test
    void aNewCadreSignsInAndReachesOnlyTheirVillage() {
        String username = unique("cadre");
        as("jiyuan-admin").body(account(username, List.of("village-cadre"), null, Territories.JIYUAN_VILLAGE, false))
                .post(JIYUAN_STAFF).then().statusCode(201)
                .header("Location", containsString(JIYUAN_STAFF + "/" + username))
                .body("roles", equalTo(List.of("village-cadre")))
                .body("township", equalTo(Territories.JIYUAN_TOWNSHIP))
                .body("village", equalTo(Territories.JIYUAN_VILLAGE))
                .body("passwordChangeRequired", equalTo(false));

        String token = signIn(username, PASSWORD);
        withToken(token).get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households")
                .then().statusCode(200);
        withToken(token).get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_OTHER_VILLAGE + "/households")
                .then().statusCode(403);
        withToken(token).get(county(Api.ANJI) + "/territory/villages/" + Territories.ANJI_VILLAGE + "/households")
                .then().statusCode(403);
        withToken(token).get(JIYUAN_STAFF).then().statusCode(403);

        // Jiyuan lists the account; Anji neither lists nor finds it.
        as("jiyuan-admin").get(JIYUAN_STAFF + "?limit=200").then().statusCode(200)
                .body("items.username", hasItem(username))
                .body("items.username", not(hasItem("service-account-jiyuan-points-app")));
        as("jiyuan-admin").get(JIYUAN_STAFF + "/" + username).then().statusCode(200);
        as("anji-admin").get(ANJI_STAFF + "?limit=200").then().statusCode(200).body("items.username", not(hasItem(username)));
        as("anji-admin").get(ANJI_STAFF + "/" + username).then().statusCode(404);
        as("anji-admin").post(ANJI_STAFF + "/" + username + "/disable").then().statusCode(404);
        as("anji-admin").get(JIYUAN_STAFF).then().statusCode(403);

        as("jiyuan-admin").queryParam("action", "staff.created").queryParam("targetId", username)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].actor", equalTo("jiyuan-admin"));
    }

    @Test
    void rolesAndReachChangeAndDisablingEndsSignIn() {
        String username = unique("grid");
        as("jiyuan-admin").body(account(username, List.of("village-cadre"), null, Territories.JIYUAN_VILLAGE, false))
                .post(JIYUAN_STAFF).then().statusCode(201);

        as("jiyuan-admin").body(Map.of("roles", List.of("grid-worker", "mediator"), "village", Territories.JIYUAN_OTHER_VILLAGE))
                .put(JIYUAN_STAFF + "/" + username + "/access").then().statusCode(200)
                .body("roles", equalTo(List.of("grid-worker", "mediator")))
                .body("village", equalTo(Territories.JIYUAN_OTHER_VILLAGE));
        String token = signIn(username, PASSWORD);
        withToken(token).get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_OTHER_VILLAGE + "/households")
                .then().statusCode(200);
        withToken(token).get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households")
                .then().statusCode(403);

        // Township-wide reach: the village goes, the township stays.
        as("jiyuan-admin").body(Map.of("roles", List.of("township-official"), "township", Territories.JIYUAN_TOWNSHIP))
                .put(JIYUAN_STAFF + "/" + username + "/access").then().statusCode(200)
                .body("township", equalTo(Territories.JIYUAN_TOWNSHIP)).body("village", equalTo(null));
        String townshipToken = signIn(username, PASSWORD);
        withToken(townshipToken).get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households")
                .then().statusCode(200);

        as("jiyuan-admin").post(JIYUAN_STAFF + "/" + username + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        assertRefused(username, PASSWORD, "Account disabled");
        as("jiyuan-admin").post(JIYUAN_STAFF + "/" + username + "/enable").then().statusCode(200)
                .body("enabled", equalTo(true));
        signIn(username, PASSWORD);

        as("jiyuan-admin").queryParam("targetId", username).get(county(Api.JIYUAN) + "/audit/records").then()
                .statusCode(200).body("items.action", equalTo(List.of("staff.enabled", "staff.disabled",
                        "staff.access-changed", "staff.access-changed", "staff.created")));
    }

    @Test
    void aTemporaryPasswordMustBeReplacedAtTheNextSignIn() {
        String username = unique("clerk");
        as("jiyuan-admin").body(account(username, List.of("supermarket-clerk"), null, Territories.JIYUAN_VILLAGE, true))
                .post(JIYUAN_STAFF).then().statusCode(201).body("passwordChangeRequired", equalTo(true));
        assertNotFullySetUp(username, PASSWORD);

        String otherUser = unique("clerk");
        as("jiyuan-admin").body(account(otherUser, List.of("supermarket-clerk"), null, Territories.JIYUAN_VILLAGE, false))
                .post(JIYUAN_STAFF).then().statusCode(201).body("passwordChangeRequired", equalTo(false));
        signIn(otherUser, PASSWORD);
        as("jiyuan-admin").body(Map.of("password", "Temporary-9876"))
                .put(JIYUAN_STAFF + "/" + otherUser + "/temporary-password").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(true));
        assertRefused(otherUser, PASSWORD, "Invalid user credentials");
        assertNotFullySetUp(otherUser, "Temporary-9876");
        as("jiyuan-admin").queryParam("action", "staff.temporary-password-set").queryParam("targetId", otherUser)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].detail", equalTo(null));
    }

    @Test
    void aCountyGrantsNoPlatformRoleAndNoPlaceOutsideItself() {
        String username = unique("bad");
        as("jiyuan-admin").body(account(username, List.of("platform-operator"), null, null, false))
                .post(JIYUAN_STAFF).then().statusCode(422).body("errors[0].field", equalTo("roles"));
        as("jiyuan-admin").body(account(username, List.of("provincial-viewer"), null, null, false))
                .post(JIYUAN_STAFF).then().statusCode(422);
        as("jiyuan-admin").body(account(username, List.of("third-party-app"), null, null, false))
                .post(JIYUAN_STAFF).then().statusCode(422);
        as("jiyuan-admin").body(account(username, List.of("village-cadre"), null, Territories.ANJI_VILLAGE, false))
                .post(JIYUAN_STAFF).then().statusCode(422).body("errors[0].field", equalTo("village"));
        as("jiyuan-admin").body(account(username, List.of("township-official"), Territories.ANJI_TOWNSHIP, null, false))
                .post(JIYUAN_STAFF).then().statusCode(422).body("errors[0].field", equalTo("township"));
        as("jiyuan-admin").body(account(username, List.of("village-cadre"), null, "419001100299", false))
                .post(JIYUAN_STAFF).then().statusCode(422).body("errors[0].field", equalTo("village"));
        as("jiyuan-cadre").body(account(username, List.of("village-cadre"), null, null, false))
                .post(JIYUAN_STAFF).then().statusCode(403);
        as("jiyuan-admin").get(JIYUAN_STAFF + "/" + username).then().statusCode(404);
        assertRefused(username, PASSWORD, "Invalid user credentials");

        // Nor can a county take an existing account of another county, or change a platform operator.
        as("jiyuan-admin").body(account("anji-cadre", List.of("village-cadre"), null, null, false))
                .post(JIYUAN_STAFF).then().statusCode(409);
        as("jiyuan-admin").body(Map.of("roles", List.of("county-admin")))
                .put(JIYUAN_STAFF + "/anji-cadre/access").then().statusCode(404);
        as("anji-cadre").get(county(Api.ANJI) + "/territory/villages/" + Territories.ANJI_VILLAGE + "/households")
                .then().statusCode(200);
    }

    @Test
    void theOperatorGivesANewCountyItsFirstAdministrator() {
        String dongtai = "320981";
        int onboarded = as("operator").body(Map.of("code", dongtai, "nameZh", "东台市", "nameEn", "Dongtai", "province", "32"))
                .post("/api/v1/platform/counties").statusCode();
        assertTrue(onboarded == 201 || onboarded == 409, "onboarding answered " + onboarded);
        String username = unique("dongtai-admin");
        Map<String, Object> admin = Map.of("username", username, "firstName", "海涛", "lastName", "陈",
                "password", PASSWORD, "temporaryPassword", false);

        as("jiyuan-admin").body(admin).post("/api/v1/platform/counties/" + dongtai + "/administrators").then().statusCode(403);
        as("operator").body(admin).post("/api/v1/platform/counties/110101/administrators").then().statusCode(404);
        as("operator").body(admin).post("/api/v1/platform/counties/" + dongtai + "/administrators").then().statusCode(201)
                .body("roles", equalTo(List.of("county-admin")));

        String token = signIn(username, PASSWORD);
        withToken(token).get(county(dongtai) + "/staff").then().statusCode(200).body("items.username", hasItem(username));
        withToken(token).get(county(dongtai) + "/modules").then().statusCode(200);
        withToken(token).get(JIYUAN_STAFF).then().statusCode(403);
        as("jiyuan-admin").get(JIYUAN_STAFF + "/" + username).then().statusCode(404);
        withToken(token).queryParam("action", "staff.created").get(county(dongtai) + "/audit/records").then()
                .statusCode(200).body("items[0].actor", equalTo("operator")).body("items[0].targetId", equalTo(username));
    }

    private static void assertNotFullySetUp(String username, String password) {
        assertRefused(username, password, "Account is not fully set up");
    }

    /** Keycloak refuses the sign-in, and says why. */
    private static void assertRefused(String username, String password, String why) {
        Response grant = Tokens.passwordGrant(username, password);
        assertTrue(grant.statusCode() == 400 || grant.statusCode() == 401, grant.asString());
        assertEquals(why, grant.jsonPath().getString("error_description"), grant.asString());
    }

    static String signIn(String username, String password) {
        Response grant = Tokens.passwordGrant(username, password);
        assertEquals(200, grant.statusCode(), grant.asString());
        return grant.jsonPath().getString("access_token");
    }

    static Map<String, Object> account(String username, List<String> roles, String township, String village,
                                       boolean temporary) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("firstName", "秀兰");
        body.put("lastName", "王");
        body.put("roles", roles);
        body.put("password", PASSWORD);
        body.put("temporaryPassword", temporary);
        if (township != null) {
            body.put("township", township);
        }
        if (village != null) {
            body.put("village", village);
        }
        return body;
    }

    private static String unique(String prefix) {
        return "jy-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
