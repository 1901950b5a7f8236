package org.wangwu.server.points;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.points.PointsFixture.key;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.CreatedRecords.followed;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * The way of an award: a resident applies with evidence, the village reviews, the award is disclosed
 * to the public, an objection holds it until settled, and only then it posts. Caps, four eyes and
 * the other county are checked on the way.
 */
@QuarkusTest
class AwardLifecycleTest {

    private static final String AWARDS = county(Api.JIYUAN) + POINTS + "/awards";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        PointsFixture.seed(7);
        PointsFixture.link("jiyuan-resident", "王建国");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anApplicationIsReviewedDisclosedHeldByAnObjectionAndPostedOnlyWhenSettled() {
        String householdId = as("jiyuan-resident").get(county(Api.JIYUAN) + POINTS + "/accounts/me").then()
                .statusCode(200).extract().path("householdId");
        String awardId = as("jiyuan-resident").header("Idempotency-Key", key())
                .body(Map.of("ruleCode", "APPLY-EVIDENCE", "description", "照顾卧病在床的母亲"))
                .post(AWARDS).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("source", equalTo("APPLICATION"))
                .body("points", equalTo(5)).extract().path("id");

        // Evidence is required: no approval without it; files are checked by content and size.
        as("jiyuan-cadre").body(Map.of("decision", "APPROVE")).post(AWARDS + "/" + awardId + "/review").then()
                .statusCode(409).body("code", equalTo("evidence-missing"));
        given().auth().oauth2(org.wangwu.server.support.Tokens.user("jiyuan-resident"))
                .multiPart("file", "photo.png", "not really a picture".getBytes(), "image/png")
                .post(AWARDS + "/" + awardId + "/evidence").then().statusCode(422);
        given().auth().oauth2(org.wangwu.server.support.Tokens.user("jiyuan-resident"))
                .multiPart("file", "big.png", new byte[30_000], "image/png")
                .post(AWARDS + "/" + awardId + "/evidence").then().statusCode(422);
        given().auth().oauth2(org.wangwu.server.support.Tokens.user("jiyuan-resident"))
                .multiPart("file", "photo.png", PNG, "image/png")
                .post(AWARDS + "/" + awardId + "/evidence").then().statusCode(201)
                .body("contentType", equalTo("image/png"));

        // A reviewer outside the village may not; the village cadre approves and disclosure starts.
        as("anji-cadre").body(Map.of("decision", "APPROVE")).post(county(Api.ANJI) + POINTS + "/awards/" + awardId
                + "/review").then().statusCode(404);
        as("jiyuan-cadre").body(Map.of("decision", "APPROVE")).post(AWARDS + "/" + awardId + "/review").then()
                .statusCode(200).body("status", equalTo("DISCLOSED"));

        // Everyone sees the notice without login: name as the county allows, never ID number or phone.
        String notice = given().queryParam("place", Territories.JIYUAN_VILLAGE)
                .get("/api/v1/public/counties/" + Api.JIYUAN + "/points/disclosures").then().statusCode(200)
                .body("items.id", hasItem(awardId)).extract().asString();
        Assertions.assertTrue(notice.contains("王*"), notice);
        // (Whole values: a fragment like "1238" can occur in any random id.)
        Assertions.assertFalse(notice.contains("王建国") || notice.contains("13812345678")
                || notice.contains("410102196803021238"), notice);

        // A villager of another village may not object; one of this village holds the award.
        as("jiyuan-resident-nanxun").body(Map.of("reason", "不属实")).post(AWARDS + "/" + awardId + "/objections")
                .then().statusCode(403);
        followed(as("jiyuan-resident2").body(Map.of("reason", "老人住在敬老院")).post(AWARDS + "/" + awardId + "/objections"),
                "jiyuan-resident2", "anji-resident");

        // The period runs out, but an open objection keeps the award from posting.
        clock.advance(Duration.ofDays(8));
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/modules/points/jobs/disclosure").then().statusCode(200);
        as("jiyuan-cadre").get(AWARDS + "/" + awardId).then().statusCode(200).body("status", equalTo("OBJECTED"));

        long before = ownBalance();
        as("jiyuan-cadre").body(Map.of("outcome", "DISMISSED", "reason", "走访核实属实"))
                .post(AWARDS + "/" + awardId + "/objections/settlement").then().statusCode(200)
                .body("status", equalTo("POSTED"));
        Assertions.assertEquals(before + 5, ownBalance());
        as("jiyuan-resident").get(AWARDS + "/" + awardId + "/objections").then().statusCode(200)
                .body("[0].status", equalTo("DISMISSED"));
        Assertions.assertEquals(1, Database.count("select count(*) from domain_event where type = 'points.award-posted'"
                + " and aggregate_id = '" + awardId + "'"));
        // The other county sees nothing of it.
        as("anji-admin").get(county(Api.ANJI) + POINTS + "/awards/" + awardId).then().statusCode(404);
        Assertions.assertNotNull(householdId);
    }

    @Test
    void anUpheldObjectionWithdrawsTheAwardAndARejectionNeedsAReason() {
        String household = PointsFixture.householdId("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "0002");
        String awardId = PointsFixture.record("jiyuan-grid", "RECORD-REVIEWED", household).then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVE")).post(AWARDS + "/" + awardId + "/review").then()
                .statusCode(200).body("status", equalTo("DISCLOSED"));
        as("jiyuan-resident").body(Map.of("reason", "没有参加")).post(AWARDS + "/" + awardId + "/objections").then()
                .statusCode(201);
        as("jiyuan-cadre").body(Map.of("outcome", "UPHELD", "reason", "核实未参加"))
                .post(AWARDS + "/" + awardId + "/objections/settlement").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        // Settled is settled: a second settlement is an illegal transition.
        as("jiyuan-cadre").body(Map.of("outcome", "DISMISSED", "reason", "再议"))
                .post(AWARDS + "/" + awardId + "/objections/settlement").then().statusCode(409)
                .body("code", equalTo("illegal-transition")).body("context.state", equalTo("REJECTED"));

        String second = PointsFixture.record("jiyuan-grid", "RECORD-REVIEWED", household).then().statusCode(201)
                .extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "REJECT")).post(AWARDS + "/" + second + "/review").then()
                .statusCode(422);
        as("jiyuan-cadre").body(Map.of("decision", "REJECT", "reason", "证据不足")).post(AWARDS + "/" + second + "/review")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reviewReason", equalTo("证据不足"));
    }

    @Test
    void whoeverRecordsADeedDoesNotReviewItAndRolesFollowTheCatalogue() {
        String household = PointsFixture.householdId("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "0001");
        String awardId = PointsFixture.record("jiyuan-cadre", "RECORD-REVIEWED", household).then().statusCode(201)
                .extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVE")).post(AWARDS + "/" + awardId + "/review").then()
                .statusCode(403);
        as("jiyuan-township").body(Map.of("decision", "APPROVE")).post(AWARDS + "/" + awardId + "/review").then()
                .statusCode(200);
        // Residents may not record for others, nor apply for a deduction or a staff-only rule.
        PointsFixture.record("jiyuan-resident", "RECORD-DIRECT", household).then().statusCode(403);
        // A grid worker may not record outside their village.
        String nanxun = PointsFixture.householdId("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_OTHER_VILLAGE, "0001");
        PointsFixture.record("jiyuan-grid", "RECORD-DIRECT", nanxun).then().statusCode(403);
        // A rule not in the catalogue is invalid.
        PointsFixture.record("jiyuan-cadre", "NO-SUCH-RULE", household).then().statusCode(422);
    }

    @Test
    void aCapPerPeriodHoldsAndADeductionNeverTakesABalanceBelowZero() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        PointsFixture.settings("jiyuan-admin", Api.JIYUAN, PointsFixture.jiyuanSettings(0));
        String account = PointsFixture.record("jiyuan-cadre", "CAPPED", household).then().statusCode(201)
                .body("status", equalTo("POSTED")).extract().path("accountId");
        PointsFixture.record("jiyuan-grid", "CAPPED", household).then().statusCode(201);
        PointsFixture.record("jiyuan-cadre", "CAPPED", household).then().statusCode(409)
                .body("code", equalTo("cap-reached")).body("context.used", equalTo(8));
        Assertions.assertEquals(8, PointsFixture.balance(account));

        for (int i = 0; i < 5; i++) {
            PointsFixture.record("jiyuan-grid", "DEDUCT", household).then().statusCode(201)
                    .body("status", equalTo("POSTED"));
        }
        Assertions.assertEquals(0, PointsFixture.balance(account));
        List<Integer> points = as("jiyuan-cadre").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement")
                .then().statusCode(200).body("items.balanceAfter", not(hasItem(-2)))
                .extract().path("items.points");
        Assertions.assertEquals(List.of(0, -2, -2, -2, -2, 4, 4), points);
    }

    @Test
    void anAwardRequestNeedsAnIdempotencyKeyAndReplaysTheFirstResult() {
        String household = PointsFixture.householdId("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "0002");
        Map<String, Object> body = Map.of("ruleCode", "RECORD-REVIEWED", "householdId", household);
        as("jiyuan-grid").body(body).post(AWARDS).then().statusCode(400)
                .body("code", equalTo("idempotency-key-required"));
        String k = key();
        var created = as("jiyuan-grid").header("Idempotency-Key", k).body(body).post(AWARDS).then().statusCode(201)
                .extract();
        String first = created.path("id");
        String location = created.header("Location");
        Assertions.assertTrue(location.endsWith(AWARDS + "/" + first), location);
        as("jiyuan-grid").header("Idempotency-Key", k).body(body).post(AWARDS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", location).body("id", equalTo(first));
        as("jiyuan-cadre").get(location).then().statusCode(200).body("id", equalTo(first));
        as("jiyuan-grid").header("Idempotency-Key", k).body(Map.of("ruleCode", "RECORD-DIRECT", "householdId", household))
                .post(AWARDS).then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        as("jiyuan-cadre").get(AWARDS + "?status=PENDING_REVIEW").then().statusCode(200)
                .body("items.id", hasItem(first));
        as("jiyuan-resident").get(AWARDS).then().statusCode(200).body(not(containsString(first)));
    }

    private static long ownBalance() {
        return ((Number) as("jiyuan-resident").get(county(Api.JIYUAN) + POINTS + "/accounts/me").then().statusCode(200)
                .extract().path("balance")).longValue();
    }
}
