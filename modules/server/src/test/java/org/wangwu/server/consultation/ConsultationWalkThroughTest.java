package org.wangwu.server.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.consultation.ConsultationFixture.BASE;
import static org.wangwu.server.consultation.ConsultationFixture.HUASHI;
import static org.wangwu.server.consultation.ConsultationFixture.PUBLIC;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.support.CreatedRecords.followed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * One matter of Huashi village walked from a villager's suggestion to its close with every role's
 * own token: four discussions (a representatives' meeting without quorum, then one with), the
 * resolution disclosed with an objection answered, implementation under the supervision committee,
 * the result disclosed, households' evaluations. Anji sees none of it.
 */
@QuarkusTest
class ConsultationWalkThroughTest {

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void aMatterGoesThroughFourDiscussionsAndTwoDisclosuresToItsClose() throws IOException {
        // A villager suggests; they follow their suggestion; the public board shows it with the name masked.
        String suggestion = as("jiyuan-resident").body(Map.of("villageCode", HUASHI, "category", "PUBLIC_WORKS",
                        "text", "村东头道路坑洼，雨天难行，建议硬化。"))
                .post(BASE + "/suggestions").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        as("jiyuan-resident").get(BASE + "/suggestions").then().statusCode(200).body("items.id", hasItem(suggestion));
        RestAssured.given().get(PUBLIC + "/villages/" + HUASHI + "/suggestions").then().statusCode(200)
                .body("items.find { it.id == '" + suggestion + "' }.authorName", equalTo("王*"));

        // The party branch, through the village cadre, proposes the matter and takes the suggestion in.
        Map<String, Object> body = ConsultationFixture.matter(HUASHI, "PUBLIC_WORKS", "村东道路硬化");
        body.put("estimatedAmount", 86000);
        body.put("suggestionIds", List.of(suggestion));
        String matter = ConsultationFixture.propose("jiyuan-cadre", body);
        as("jiyuan-resident").get(BASE + "/suggestions/" + suggestion).then().statusCode(200)
                .body("status", equalTo("MERGED")).body("matterId", equalTo(matter));
        assertEquals("PROPOSAL", ConsultationFixture.step("jiyuan-cadre", matter));

        // 提议: the party branch.
        String wang = ConsultationFixture.residentId(HUASHI, "王建国");
        String zhang = ConsultationFixture.residentId(HUASHI, "张伟");
        String li = ConsultationFixture.residentId(HUASHI, "李秀英");
        assertEquals("PASSED", ConsultationFixture.meet("jiyuan-cadre", matter, "PROPOSAL", "PARTY_BRANCH",
                List.of(wang, zhang), "FOR", null));
        // 商议: the two committees, votes counted as totals; recorded by the township official attached to the village.
        String deliberation = ConsultationFixture.open("jiyuan-township", matter, "DELIBERATION", "TWO_COMMITTEES");
        ConsultationFixture.attend("jiyuan-township", matter, deliberation, ConsultationFixture.voting(List.of(wang, zhang, li), null))
                .then().statusCode(200);
        ConsultationFixture.conclude("jiyuan-township", matter, deliberation, Map.of("voteMode", "TOTALS",
                        "totals", Map.of("votesFor", 2, "votesAgainst", 0, "votesAbstain", 1), "minutes", "两委联席会议商议。"))
                .then().statusCode(200).body("status", equalTo("PASSED")).body("expected", equalTo(3));
        // 审议: the party members' meeting, as the register flags them.
        assertEquals("PASSED", ConsultationFixture.meet("jiyuan-cadre", matter, "REVIEW", "PARTY_MEMBERS",
                ConsultationFixture.flagged(HUASHI, "partyMember"), "FOR", null));
        assertEquals("RESOLUTION", ConsultationFixture.step("jiyuan-cadre", matter));

        // 决议: a representatives' meeting with no more than two thirds present decides nothing...
        List<String> representatives = ConsultationFixture.flagged(HUASHI, "representative");
        int most = representatives.size() * 2 / 3;
        String first = ConsultationFixture.open("jiyuan-cadre", matter, "RESOLUTION", "REPRESENTATIVES_MEETING");
        ConsultationFixture.attend("jiyuan-cadre", matter, first,
                ConsultationFixture.voting(representatives.subList(0, most), "FOR")).then().statusCode(200);
        ConsultationFixture.conclude("jiyuan-cadre", matter, first, ConsultationFixture.perPerson("到会不足"))
                .then().statusCode(200).body("status", equalTo("INQUORATE"))
                .body("present", equalTo(most)).body("expected", equalTo(representatives.size()));
        assertEquals("RESOLUTION", ConsultationFixture.step("jiyuan-cadre", matter));
        // ...a second one with everyone decides.
        String second = ConsultationFixture.open("jiyuan-cadre", matter, "RESOLUTION", "REPRESENTATIVES_MEETING");
        ConsultationFixture.attend("jiyuan-cadre", matter, second, ConsultationFixture.voting(representatives, "FOR"))
                .then().statusCode(200);
        Map<String, Object> adopt = ConsultationFixture.perPerson("村民代表会议表决。");
        adopt.put("resolution", "同意硬化村东道路800米，预算8.6万元，由村集体收入列支。");
        ConsultationFixture.conclude("jiyuan-cadre", matter, second, adopt).then().statusCode(200)
                .body("status", equalTo("PASSED")).body("votesFor", equalTo(representatives.size()));

        // 决议公开: on the public board, with a printable notice.
        as("jiyuan-cadre").get(BASE + "/matters/" + matter).then().statusCode(200)
                .body("matter.step", equalTo("RESOLUTION_DISCLOSURE")).body("matter.disclosureEndsAt", notNullValue());
        RestAssured.given().get(PUBLIC + "/villages/" + HUASHI + "/matters").then().statusCode(200)
                .body("items.id", hasItem(matter));
        String notice = pdfText(RestAssured.given().get(PUBLIC + "/matters/" + matter + "/resolution-notice")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertTrue(notice.contains("决议公告") && notice.contains("村东道路硬化") && notice.contains("同意硬化村东道路800米"), notice);

        // A villager of another village may not object; one of Huashi does, and the cadre answers.
        as("jiyuan-resident-nanxun").body(Map.of("reason", "不同意")).post(BASE + "/matters/" + matter + "/objections")
                .then().statusCode(403);
        String objection = followed(as("jiyuan-resident2").body(Map.of("reason", "预算偏高，请说明依据。"))
                .post(BASE + "/matters/" + matter + "/objections"), "jiyuan-resident2", "anji-resident");
        as("jiyuan-cadre").body(Map.of("answer", "预算按县交通局定额编制，明细已张贴。", "sendBack", false))
                .post(BASE + "/matters/" + matter + "/objections/" + objection + "/answer").then().statusCode(200)
                .body("step", equalTo("RESOLUTION_DISCLOSURE"));

        // The window runs out: implementation starts with the first update; the resolution is now an event.
        clock.advance(Duration.ofDays(8));
        followed(as("jiyuan-cadre").body(Map.of("note", "施工队进场，完成路基。", "percent", 40))
                .post(BASE + "/matters/" + matter + "/progress"), "jiyuan-cadre", "anji-cadre");
        assertEquals("IMPLEMENTATION", ConsultationFixture.step("jiyuan-cadre", matter));
        assertEquals(1, Database.count("select count(*) from domain_event where type = 'consultation.matter-resolved'"
                + " and aggregate_id = '" + matter + "' and payload like '%PUBLIC_WORKS%'"));
        as("jiyuan-cadre").body(Map.of("note", "路面浇筑完成。", "percent", 100))
                .post(BASE + "/matters/" + matter + "/progress").then().statusCode(201);

        // The result is disclosed only after the supervision committee (and only its members) found it in order.
        as("jiyuan-cadre").body(Map.of("summary", "道路硬化完成"))
                .post(BASE + "/matters/" + matter + "/result").then().statusCode(409).body("code", equalTo("supervision-missing"));
        as("jiyuan-resident").body(Map.of("opinion", "看过了", "approved", true))
                .post(BASE + "/matters/" + matter + "/supervision").then().statusCode(403);
        followed(as("jiyuan-supervisor").body(Map.of("opinion", "经现场查验，工程质量合格，资金使用与决议一致。", "approved", true))
                .post(BASE + "/matters/" + matter + "/supervision"), "jiyuan-supervisor", "anji-resident");
        as("jiyuan-cadre").body(Map.of("summary", "村东道路硬化800米完成，实际支出8.2万元。"))
                .post(BASE + "/matters/" + matter + "/result").then().statusCode(200)
                .body("step", equalTo("RESULT_DISCLOSURE"));
        assertEquals(1, Database.count("select count(*) from domain_event where type = 'consultation.result-disclosed'"
                + " and aggregate_id = '" + matter + "'"));

        // After the result's window, households evaluate, once each.
        clock.advance(Duration.ofDays(8));
        String evaluation = followed(as("jiyuan-resident").body(Map.of("rating", "SATISFIED", "comment", "路好走了"))
                .post(BASE + "/matters/" + matter + "/evaluations"), "jiyuan-resident", "anji-resident");
        // Another household's evaluation is its own: villagers see the tally, staff in reach the evaluation.
        as("jiyuan-resident2").get(BASE + "/matters/" + matter + "/evaluations/" + evaluation).then().statusCode(403);
        as("jiyuan-cadre").get(BASE + "/matters/" + matter + "/evaluations/" + evaluation).then().statusCode(200)
                .body("rating", equalTo("SATISFIED"));
        as("jiyuan-supervisor").body(Map.of("rating", "UNSATISFIED"))
                .post(BASE + "/matters/" + matter + "/evaluations").then().statusCode(409)
                .body("code", equalTo("already-evaluated"));
        as("jiyuan-resident2").body(Map.of("rating", "BASICALLY_SATISFIED"))
                .post(BASE + "/matters/" + matter + "/evaluations").then().statusCode(201);
        as("jiyuan-cadre").post(BASE + "/matters/" + matter + "/close").then().statusCode(200)
                .body("step", equalTo("CLOSED"));
        assertEquals(1, Database.count("select count(*) from domain_event where type = 'consultation.matter-evaluated'"
                + " and aggregate_id = '" + matter + "'"));

        // The timeline shows all six steps passed; the county and the township read it, the evaluations are counted.
        var detail = as("jiyuan-township").get(BASE + "/matters/" + matter).then().statusCode(200)
                .body("evaluations.satisfied", equalTo(1)).body("evaluations.basicallySatisfied", equalTo(1))
                .body("meetings.size()", equalTo(5)).body("objections[0].status", equalTo("ANSWERED"))
                .extract().jsonPath();
        List<String> passed = new ArrayList<>();
        for (Map<String, Object> s : detail.<Map<String, Object>>getList("timeline")) {
            if ("PASSED".equals(s.get("result"))) {
                passed.add((String) s.get("step"));
            }
        }
        assertTrue(passed.containsAll(List.of("PROPOSAL", "DELIBERATION", "REVIEW", "RESOLUTION",
                "RESOLUTION_DISCLOSURE", "RESULT_DISCLOSURE")), passed.toString());
        as("jiyuan-admin").get(BASE + "/matters/" + matter).then().statusCode(200);

        // Anji sees nothing of it: not by id, not in its lists, not on its public board.
        as("anji-admin").get(county(Api.ANJI) + "/consultation/matters/" + matter).then().statusCode(404);
        as("anji-admin").get(county(Api.ANJI) + "/consultation/matters").then().statusCode(200)
                .body("items.id", not(hasItem(matter)));
        as("anji-resident").get(county(Api.ANJI) + "/consultation/suggestions/" + suggestion).then().statusCode(404);
        RestAssured.given().get("/api/v1/public/counties/" + Api.ANJI + "/consultation/matters/" + matter)
                .then().statusCode(404);
        as("anji-admin").get(county(Api.JIYUAN) + "/consultation/matters/" + matter).then().statusCode(403);
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
