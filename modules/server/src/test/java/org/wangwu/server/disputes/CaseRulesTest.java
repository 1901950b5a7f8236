package org.wangwu.server.disputes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.disputes.DisputesFixture.JIYUAN_CASES;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** Intake from each channel, the state machine's refusals, outcomes other than agreement, and privacy. */
@QuarkusTest
class CaseRulesTest {

    @Inject
    PlatformClock clock;

    @BeforeEach
    void counties() {
        DisputesFixture.twoCountiesWithDisputes();
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void anIllegalStepIsA409NamingTheState() {
        String id = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("状态机"));
        String path = JIYUAN_CASES + "/" + id;
        as("jiyuan-admin").body(Map.of("mediators", List.of("jiyuan-mediator"))).post(path + "/assignment").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("illegal-transition")).body("context.state", equalTo("RECEIVED"));
        as("jiyuan-admin").body(Map.of("category", "debts", "risk", "low", "level", "COUNTY"))
                .post(path + "/triage").then().statusCode(200);
        as("jiyuan-admin").body(Map.of("category", "debts", "risk", "low", "level", "COUNTY"))
                .post(path + "/triage").then().statusCode(409).body("context.state", equalTo("TRIAGED"));
        // Only a mediator of this county, on the committee of the case's level, can be given the case.
        for (String wrong : List.of("jiyuan-cadre", "jiyuan-mediator", "jiyuan-township-mediator", "anji-mediator",
                "nobody-at-all")) {
            as("jiyuan-admin").body(Map.of("mediators", List.of(wrong))).post(path + "/assignment").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("mediators"));
        }
        as("jiyuan-admin").body(Map.of("mediators", List.of("jiyuan-county-mediator"))).post(path + "/assignment")
                .then().statusCode(200);
        // No agreement before a session is held; no escalation above the county centre.
        as("jiyuan-county-mediator").body(Map.of("terms", "和解")).post(path + "/agreement").then().statusCode(409)
                .body("context.state", equalTo("ASSIGNED"));
        DisputeSteps.holdSession("jiyuan-county-mediator", path);
        as("jiyuan-county-mediator").body(Map.of("terms", "和解")).post(path + "/agreement").then().statusCode(201);
        as("jiyuan-county-mediator").body(Map.of("reason", "x")).post(path + "/failure").then().statusCode(409)
                .body("code", equalTo("illegal-transition")).body("context.state", equalTo("AGREED"));
    }

    @Test
    void badTriageAndIntakeAreNamedField() {
        Map<String, Object> body = DisputesFixture.walkIn("坏输入");
        body.put("parties", List.of(Map.of("role", "RESPONDENT", "name", "刘某", "idNumber", "410102196803021239")));
        as("jiyuan-admin").body(body).post(JIYUAN_CASES).then().statusCode(422)
                .body("errors.field", hasItem("parties[0].idNumber"));
        Map<String, Object> referral = DisputesFixture.walkIn("派出所移交");
        referral.put("channel", "REFERRAL");
        as("jiyuan-admin").body(referral).post(JIYUAN_CASES).then().statusCode(422)
                .body("errors.field", hasItem("referral"));
        referral.put("referral", Map.of("body", "POLICE", "name", "承留派出所", "reference", "警调12号"));
        as("jiyuan-admin").body(referral).post(JIYUAN_CASES).then().statusCode(201).body("channel", equalTo("REFERRAL"));
        Map<String, Object> elsewhere = DisputesFixture.walkIn("外县");
        elsewhere.put("villageCode", Territories.ANJI_VILLAGE);
        as("jiyuan-admin").body(elsewhere).post(JIYUAN_CASES).then().statusCode(403);

        String id = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("分类"));
        as("jiyuan-admin").body(Map.of("category", "weather", "risk", "extreme", "level", "VILLAGE"))
                .post(JIYUAN_CASES + "/" + id + "/triage").then().statusCode(422)
                .body("errors.field", equalTo(List.of("category")));
    }

    @Test
    void eachChannelHasItsPeople() {
        Map<String, Object> body = DisputesFixture.walkIn("网格");
        body.put("channel", "GRID");
        as("jiyuan-cadre").body(body).post(JIYUAN_CASES).then().statusCode(403);
        as("jiyuan-grid").body(body).post(JIYUAN_CASES).then().statusCode(201);
        Map<String, Object> other = DisputesFixture.walkIn("南勋村");
        other.put("channel", "GRID");
        other.put("villageCode", Territories.JIYUAN_OTHER_VILLAGE);
        as("jiyuan-grid").body(other).post(JIYUAN_CASES).then().statusCode(403);
        as("jiyuan-clerk").body(DisputesFixture.walkIn("超市")).post(JIYUAN_CASES).then().statusCode(403);
    }

    @Test
    void aResidentFilesOnlineForThemselfAndSeesOnlyTheirOwnCases() {
        // Another module's tests may have linked this login already; the link is what matters, not to whom.
        String linked = DisputesFixture.linkedResident(Territories.JIYUAN_VILLAGE, "jiyuan-resident2");
        String zhang = linked != null ? linked : DisputesFixture.residentId("张伟");
        if (linked == null) {
            as("jiyuan-admin").body(Map.of("username", "jiyuan-resident2"))
                    .put(county(Api.JIYUAN) + "/territory/residents/" + zhang + "/account").then().statusCode(200);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "ONLINE");
        body.put("villageCode", Territories.JIYUAN_VILLAGE);
        body.put("title", "邻居占用通道");
        body.put("facts", "邻居堆放杂物占用公共通道。");
        body.put("parties", List.of(Map.of("role", "RESPONDENT", "name", "邻居某")));
        String id = as("jiyuan-resident2").body(body).post(JIYUAN_CASES).then().statusCode(201).extract().path("id");
        as("jiyuan-admin").get(JIYUAN_CASES + "/" + id + "/dossier").then().statusCode(200)
                .body("parties.find { it.role == 'APPLICANT' }.residentId", equalTo(zhang));
        as("jiyuan-resident2").get(JIYUAN_CASES).then().statusCode(200).body("items.id", hasItem(id))
                .body("items.reportedBy", not(hasItem("jiyuan-admin")));
        as("jiyuan-resident").get(JIYUAN_CASES + "/" + id).then().statusCode(404);
        // Someone else's online filing, and a resident without a linked register entry.
        as("jiyuan-grid").body(body).post(JIYUAN_CASES).then().statusCode(403);
        if (DisputesFixture.linkedResident(Territories.JIYUAN_OTHER_VILLAGE, "jiyuan-resident-nanxun") == null) {
            body.put("villageCode", Territories.JIYUAN_OTHER_VILLAGE);
            as("jiyuan-resident-nanxun").body(body).post(JIYUAN_CASES).then().statusCode(409)
                    .body("code", equalTo("account-not-linked"));
        }
    }

    @Test
    void aBrokenAgreementReopensTheCaseAndAReferralClosesAfterItsVisit() {
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = JIYUAN_CASES + "/" + id;
        DisputeSteps.agree("jiyuan-mediator", path);
        clock.advance(Duration.ofDays(30));
        as("jiyuan-mediator").body(Map.of("agreementHonoured", false, "satisfaction", 2)).post(path + "/follow-up")
                .then().statusCode(200).body("state", equalTo("REOPENED"));
        as("jiyuan-mediator").body(Map.of("to", "LITIGATION", "body", "济源市人民法院", "reason", "一方拒不履行"))
                .post(path + "/referral").then().statusCode(200).body("state", equalTo("REFERRED_OUT"));
        as("jiyuan-mediator").body(Map.of("agreementHonoured", true, "satisfaction", 4)).post(path + "/follow-up")
                .then().statusCode(422);
        clock.advance(Duration.ofDays(30));
        as("jiyuan-township").body(Map.of("satisfaction", 4)).post(path + "/follow-up").then().statusCode(200)
                .body("state", equalTo("CLOSED"));
        as("jiyuan-admin").get(path + "/dossier").then().statusCode(200)
                .body("referredOut.to", equalTo("LITIGATION")).body("followUp.satisfaction", equalTo(4));
        org.junit.jupiter.api.Assertions.assertEquals(1, org.wangwu.server.support.Database.count(
                "select count(*) from domain_event where aggregate_id = '" + id + "' and type = 'disputes.case-reopened'"));
    }

    @Test
    void evidenceIsCheckedByContentAndKeptForTheDossierOnly() {
        String id = DisputesFixture.create("jiyuan-grid", gridReport());
        String path = JIYUAN_CASES + "/" + id;
        io.restassured.RestAssured.given().auth().oauth2(org.wangwu.server.support.Tokens.user("jiyuan-grid"))
                .multiPart("file", "evidence.pdf", "not really a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post(path + "/attachments").then().statusCode(422);
        io.restassured.RestAssured.given().auth().oauth2(org.wangwu.server.support.Tokens.user("jiyuan-grid"))
                .multiPart("file", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, "image/png")
                .post(path + "/attachments").then().statusCode(201);
        as("jiyuan-admin").get(path + "/attachments").then().statusCode(200).body("fileName", hasItem("photo.png"));
        as("jiyuan-grid").get(path + "/attachments").then().statusCode(403);
        as("jiyuan-cadre").get(path + "/attachments").then().statusCode(403);
    }

    @Test
    void theCountysRulesAreValidatedSettings() {
        int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/disputes/settings").then()
                .statusCode(200).body("values.judicialWindowDays", equalTo(30))
                .body("values.levels", equalTo(List.of("VILLAGE", "TOWNSHIP", "COUNTY")))
                .extract().path("revision");
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of(
                        "deadlineDays", Map.of("VILLAGE", 0), "agreementTemplate", "协议 {nonsense}",
                        "levels", List.of())))
                .put(county(Api.JIYUAN) + "/modules/disputes/settings").then().statusCode(422)
                .body("errors.field", equalTo(List.of("values.agreementTemplate", "values.deadlineDays",
                        "values.levels")));
    }

    private static Map<String, Object> gridReport() {
        Map<String, Object> body = DisputesFixture.walkIn("证据");
        body.put("channel", "GRID");
        return body;
    }
}
