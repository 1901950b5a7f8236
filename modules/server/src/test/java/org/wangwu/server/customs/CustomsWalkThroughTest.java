package org.wangwu.server.customs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.customs.CustomsFixture.base;
import static org.wangwu.server.customs.CustomsFixture.plan;
import static org.wangwu.server.customs.CustomsFixture.registration;
import static org.wangwu.server.support.Api.as;
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
import org.wangwu.server.support.Territories;

/**
 * The walk: a wedding registered over the caps is warned with each excess named, a revised
 * plan is approved, the wedding verified compliant earns points in Jiyuan through the points module;
 * funerals that break the caps go on the black list only after notice, one appeal overturned, one
 * upheld and expired; Anji sees none of it.
 */
@QuarkusTest
class CustomsWalkThroughTest {

    private static final String REGISTRATIONS = base(Api.JIYUAN) + "/registrations";
    private static final String ENTRIES = base(Api.JIYUAN) + "/list-entries";

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        CustomsFixture.seed();
        CustomsFixture.enable("jiyuan-admin", Api.JIYUAN, "points");
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void aWeddingIsWarnedRevisedApprovedVerifiedAndEarnsPoints() {
        // A resident registers their own household's wedding: three caps are over, each named.
        CustomsFixture.linked("jiyuan-resident", "王建国");
        var over = as("jiyuan-resident").body(registration("WEDDING", null, clock.today().plusDays(10),
                        plan(14, 140, 68_000L, 100L, null, null))).post(REGISTRATIONS).then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("late", equalTo(false))
                .body("excesses.cap", hasItems("TABLES", "GUESTS", "BRIDE_PRICE"))
                .body("excesses.find { it.cap == 'BRIDE_PRICE' }.limit", equalTo(30_000))
                .body("excesses.find { it.cap == 'BRIDE_PRICE' }.value", equalTo(68_000))
                .body("excesses.find { it.cap == 'BRIDE_PRICE' }.message.en",
                        equalTo("bride price 68000 yuan is over the cap of 30000 yuan"))
                .body("excesses.find { it.cap == 'TABLES' }.message.zh", equalTo("桌数14桌，超过上限10桌"))
                .extract();
        String first = over.path("id");
        String household = over.path("householdId");

        // The council cannot simply approve a plan over the caps; it warns.
        as("jiyuan-cadre").body(Map.of("decision", "APPROVED")).post(REGISTRATIONS + "/" + first + "/decision").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("bride price"));
        as("jiyuan-cadre").body(Map.of("decision", "WARNED", "note", "彩礼和桌数超标，请按村规民约调整"))
                .post(REGISTRATIONS + "/" + first + "/decision").then().statusCode(200).body("status", equalTo("WARNED"));
        // Someone not on the council decides nothing.
        as("jiyuan-township").body(Map.of("decision", "WARNED", "note", "x"))
                .post(REGISTRATIONS + "/" + first + "/decision").then().statusCode(403);

        // The family revises; the new plan keeps to every cap and the resident member of the council approves it.
        String revised = as("jiyuan-resident").body(Map.of("eventDate", clock.today().plusDays(10).toString(),
                        "venue", "花石村文化礼堂", "plan", plan(8, 80, 20_000L, 100L, null, null)))
                .post(REGISTRATIONS + "/" + first + "/revision").then().statusCode(201)
                .body("excesses", equalTo(List.of())).body("revisionOf", equalTo(first)).extract().path("id");
        as("jiyuan-resident").get(REGISTRATIONS + "/" + first).then().statusCode(200).body("status", equalTo("REVISED"));
        as("jiyuan-resident2").body(Map.of("decision", "APPROVED")).post(REGISTRATIONS + "/" + revised + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("jiyuan-resident2"));

        // Verification waits for the event; afterwards it is compliant cap by cap and money saved is counted.
        as("jiyuan-cadre").body(Map.of("actual", plan(8, 80, 20_000L, 100L, null, null)))
                .post(REGISTRATIONS + "/" + revised + "/verification").then().statusCode(409);
        clock.advance(Duration.ofDays(11));
        as("jiyuan-cadre").body(Map.of("actual", plan(8, 80, 20_000L, 80L, null, null)))
                .post(REGISTRATIONS + "/" + revised + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("compliant", equalTo(true))
                .body("breaches", equalTo(List.of())).body("moneySavedYuan", equalTo(10_000 + 20 * 80));

        // Points hears customs.wedding-verified and earns the household the rule its settings map the event to.
        String rule = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/points/settings").then().statusCode(200)
                .extract().path("values.eventRules.'customs.wedding-verified'");
        Map<String, Object> award = CustomsPoints.awaitEventAward(household);
        Assertions.assertEquals(rule, award.get("ruleCode"));
        Assertions.assertTrue(List.of("DISCLOSED", "POSTED").contains(award.get("status")), award.toString());

        // Anji sees none of it.
        as("anji-admin").get(county(Api.ANJI) + "/customs/registrations/" + revised).then().statusCode(404);
        as("anji-admin").get(REGISTRATIONS + "/" + revised).then().statusCode(403);
        as("anji-cadre").queryParam("village", Territories.ANJI_VILLAGE).get(county(Api.ANJI) + "/customs/registrations")
                .then().statusCode(200).body("items.id", not(hasItems(first, revised)));
    }

    @Test
    void funeralsOverTheCapsAreNoticedThenListedOrOverturnedOnAppealAndExpire() {
        String overturned = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "刘德华");
        String upheld = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "孙丽");
        String entryA = violatingFuneral(overturned);
        String entryB = violatingFuneral(upheld);

        // On notice, not yet on the public black list.
        as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).get(ENTRIES).then().statusCode(200)
                .body("find { it.id == '" + entryA + "' }.status", equalTo("NOTICE"));
        Assertions.assertFalse(names(Api.JIYUAN).contains("刘*"));
        CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "black-list-notices");
        Assertions.assertFalse(names(Api.JIYUAN).contains("刘*"));

        // Both households appeal (a cadre for them); the council overturns one.
        as("jiyuan-cadre").body(Map.of("reason", "实际只办了3天")).post(ENTRIES + "/" + entryA + "/appeal").then()
                .statusCode(200).body("appealStatus", equalTo("OPEN"));
        as("jiyuan-cadre").body(Map.of("reason", "墓地已迁入公墓")).post(ENTRIES + "/" + entryB + "/appeal").then()
                .statusCode(200);
        as("jiyuan-cadre").body(Map.of("reason", "again")).post(ENTRIES + "/" + entryB + "/appeal").then().statusCode(409);
        as("jiyuan-resident").body(Map.of("outcome", "OVERTURNED", "reason", "x"))
                .post(ENTRIES + "/" + entryA + "/appeal/decision").then().statusCode(403);
        as("jiyuan-cadre").body(Map.of("outcome", "OVERTURNED", "reason", "核查有误"))
                .post(ENTRIES + "/" + entryA + "/appeal/decision").then().statusCode(200)
                .body("status", equalTo("OVERTURNED"));

        // The notice period ends: an open appeal keeps B off the list; the township upholds it and it is listed.
        clock.advance(Duration.ofDays(8));
        CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "black-list-notices");
        Assertions.assertFalse(names(Api.JIYUAN).contains("孙*"));
        as("jiyuan-township").body(Map.of("outcome", "UPHELD", "reason", "超标属实"))
                .post(ENTRIES + "/" + entryB + "/appeal/decision").then().statusCode(200)
                .body("status", equalTo("LISTED"));
        List<Map<String, Object>> black = CustomsFixture.publicList(Api.JIYUAN, "black-list");
        Assertions.assertTrue(names(Api.JIYUAN).contains("孙*"), black.toString());
        Assertions.assertFalse(names(Api.JIYUAN).contains("刘*"));
        String page = io.restassured.RestAssured.given().get(CustomsFixture.publicBase(Api.JIYUAN) + "/black-list")
                .asString();
        Assertions.assertFalse(page.contains(CustomsFixture.PHONE) || page.contains("孙丽") || page.contains(upheld));
        Assertions.assertTrue(CustomsFixture.publicList(Api.ANJI, "black-list").stream()
                .noneMatch(e -> e.get("villageCode").toString().startsWith(Api.JIYUAN)));

        // After the county's six months it expires, once, and leaves the public list and the staff list.
        clock.advance(Duration.ofDays(31 * 6 + 1));
        Assertions.assertTrue(CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "list-expiry") >= 1);
        Assertions.assertEquals(0, CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "list-expiry"));
        Assertions.assertFalse(names(Api.JIYUAN).contains("孙*"));
        as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).get(ENTRIES).then().statusCode(200)
                .body("id", not(hasItems(entryA, entryB)));
        as("anji-cadre").queryParam("place", Territories.ANJI_VILLAGE).get(county(Api.ANJI) + "/customs/list-entries")
                .then().statusCode(200).body("id", not(hasItems(entryA, entryB)));
    }

    @Test
    void aSimpleFuneralEarnsTheHouseholdPointsAndOneOverTheCapsCostsPointsOnceTheVillageReviewsIt() {
        CustomsPoints.mapEvents(Map.of(
                "customs.funeral-verified", CustomsPoints.rule("FUNERAL-T", "丧事简办", "CUSTOMS_COMPLIANCE", 6, false),
                "customs.violation-found", CustomsPoints.rule("BREACH-T", "红白事超标", "MISCONDUCT", -4, true)));

        // Kept within the caps: the household earns the funeral rule through the points module.
        String simple = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "赵云");
        String id = as("jiyuan-cadre").body(registration("FUNERAL", simple, clock.today(),
                        plan(6, 60, null, 50L, 3, true))).post(REGISTRATIONS).then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVED")).post(REGISTRATIONS + "/" + id + "/decision").then()
                .statusCode(200);
        as("jiyuan-cadre").body(Map.of("actual", plan(6, 60, null, 50L, 3, true)))
                .post(REGISTRATIONS + "/" + id + "/verification").then().statusCode(200)
                .body("compliant", equalTo(true));
        Map<String, Object> earned = CustomsPoints.awaitEventAward(simple);
        Assertions.assertEquals("FUNERAL-T", earned.get("ruleCode"));
        Assertions.assertEquals(6, earned.get("points"));

        // Over the caps: a deduction waits for the village's review, then counts against the household.
        String breaching = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "黄忠");
        violatingFuneral(breaching);
        Map<String, Object> deduction = CustomsPoints.awaitEventAward(breaching);
        Assertions.assertEquals("BREACH-T", deduction.get("ruleCode"));
        Assertions.assertEquals(-4, deduction.get("points"));
        Assertions.assertEquals("PENDING_REVIEW", deduction.get("status"));
        String awards = county(Api.JIYUAN) + "/points/awards/" + deduction.get("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVE")).post(awards + "/review").then().statusCode(200);
        Assertions.assertEquals(1, CustomsPoints.eventAwards(breaching).size(), "the violation cost points once");
        as("anji-admin").get(county(Api.ANJI) + "/points/awards/" + deduction.get("id")).then().statusCode(404);
    }

    @Test
    void aRegistrationPastTheCouncilsDeadlineIsFlaggedOnce() {
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "马超");
        String id = as("jiyuan-cadre").body(registration("BANQUET", household, clock.today().plusDays(20),
                plan(3, 30, null, 50L, null, null))).post(REGISTRATIONS).then().statusCode(201)
                .body("decisionDueOn", equalTo(clock.today().plusDays(3).toString())).extract().path("id");
        clock.advance(Duration.ofDays(4));
        Assertions.assertTrue(CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "overdue-decisions") >= 1);
        Assertions.assertEquals(0, CustomsFixture.runJob(Api.JIYUAN, "jiyuan-admin", "overdue-decisions"));
        as("jiyuan-cadre").get(REGISTRATIONS + "/" + id).then().statusCode(200)
                .body("overdueOn", equalTo(clock.today().toString())).body("status", equalTo("SUBMITTED"));
        // Only the county administrator runs the module's jobs by hand.
        as("jiyuan-cadre").post(county(Api.JIYUAN) + "/modules/customs/jobs/overdue-decisions").then().statusCode(403);
    }

    /** A funeral planned within the caps, approved, then held for five days with a burial outside the cemetery. */
    private String violatingFuneral(String household) {
        String id = as("jiyuan-cadre").body(registration("FUNERAL", household, clock.today(),
                        plan(6, 60, null, 50L, 3, true))).post(REGISTRATIONS).then().statusCode(201)
                .body("excesses", equalTo(List.of())).body("late", equalTo(false)).extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVED")).post(REGISTRATIONS + "/" + id + "/decision").then()
                .statusCode(200);
        as("jiyuan-cadre").body(Map.of("actual", plan(6, 60, null, 50L, 5, false)))
                .post(REGISTRATIONS + "/" + id + "/verification").then().statusCode(200)
                .body("compliant", equalTo(false)).body("breaches.cap", hasItems("FUNERAL_DAYS", "PUBLIC_CEMETERY"));
        return as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).get(ENTRIES).then().statusCode(200)
                .extract().path("find { it.registrationId == '" + id + "' }.id");
    }

    private static List<Object> names(String code) {
        return CustomsFixture.publicList(code, "black-list").stream().map(e -> e.get("name")).toList();
    }
}
