package org.wangwu.server.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.consultation.ConsultationFixture.BASE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;
import static org.wangwu.server.consultation.ConsultationFixture.HUASHI;
import static org.wangwu.server.consultation.ConsultationFixture.PUBLIC;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;

/**
 * The public board without login shows only what is disclosed, names as the county allows, and
 * nothing of another county; minutes and the resolution notice print in Chinese from the county's templates.
 */
@QuarkusTest
class PublicNoticeAndRecordsTest {

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    @AfterEach
    void restore() {
        ConsultationFixture.resetSettings();
    }

    @Test
    void theBoardShowsDisclosedMattersAndNamesAsTheCountyAllows() {
        String suggestion = as("jiyuan-resident2").body(Map.of("villageCode", HUASHI, "category", "ENVIRONMENT",
                "text", "建议增设垃圾桶。")).post(BASE + "/suggestions").then().statusCode(201).extract().path("id");
        RestAssured.given().get(PUBLIC + "/villages/" + HUASHI + "/suggestions").then().statusCode(200)
                .body("items.find { it.id == '" + suggestion + "' }.authorName", equalTo("张*"));
        ConsultationFixture.settings(Map.of("nameDisplay", "FULL"));
        RestAssured.given().get(PUBLIC + "/villages/" + HUASHI + "/suggestions").then().statusCode(200)
                .body("items.find { it.id == '" + suggestion + "' }.authorName", equalTo("张伟"));
        as("jiyuan-cadre").body(Map.of("text", "已在村口增设两个垃圾桶。")).post(BASE + "/suggestions/" + suggestion + "/reply")
                .then().statusCode(200).body("status", equalTo("REPLIED"));
        as("jiyuan-cadre").body(Map.of("text", "重复")).post(BASE + "/suggestions/" + suggestion + "/decline")
                .then().statusCode(409);

        // A matter not yet resolved is not on the board, nor its notice.
        String matter = ConsultationFixture.dagouheAtResolution("村务公开 " + System.nanoTime());
        RestAssured.given().get(PUBLIC + "/matters/" + matter).then().statusCode(404);
        RestAssured.given().get(PUBLIC + "/matters/" + matter + "/resolution-notice").then().statusCode(404);
        RestAssured.given().get(PUBLIC + "/villages/" + DAGOUHE + "/matters").then().statusCode(200)
                .body("items.id", not(hasItem(matter)));
        ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(DAGOUHE, "representative"), "FOR", "同意使用集体收入3万元修缮村委会。");
        RestAssured.given().get(PUBLIC + "/matters/" + matter).then().statusCode(200)
                .body("matter.step", equalTo("RESOLUTION_DISCLOSURE"))
                .body("matter.resolution", equalTo("同意使用集体收入3万元修缮村委会。"))
                .body("timeline.size()", equalTo(5));
        RestAssured.given().get(PUBLIC + "/villages/" + DAGOUHE + "/matters").then().statusCode(200)
                .body("items.id", hasItem(matter));

        // Anji's board knows nothing of Jiyuan's villages or matters.
        String anji = "/api/v1/public/counties/" + Api.ANJI + "/consultation";
        RestAssured.given().get(anji + "/villages/" + DAGOUHE + "/matters").then().statusCode(200).body("items.size()", equalTo(0));
        RestAssured.given().get(anji + "/villages/" + HUASHI + "/suggestions").then().statusCode(200).body("items.size()", equalTo(0));
        RestAssured.given().get(anji + "/matters/" + matter).then().statusCode(404);
        RestAssured.given().get(PUBLIC + "/villages/not-a-village/matters").then().statusCode(400);
    }

    @Test
    void minutesAndTheResolutionNoticePrintInChineseFromTheCountysTemplate() throws IOException {
        String matter = ConsultationFixture.dagouheAtResolution("修缮村委会 " + System.nanoTime());
        ConsultationFixture.settings(Map.of("resolutionNoticeTemplate",
                "{village}村民代表会议决议公告\n事项：{title}\n{resolution}\n到会{present}人（应到{expected}人），同意{for}票。\n大沟河村村民委员会"));
        ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(DAGOUHE, "representative"), "FOR", "同意修缮村委会。");
        String notice = ConsultationWalkThroughTest.pdfText(as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter
                + "/resolution-notice").then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertTrue(notice.contains("大沟河村村民代表会议决议公告") && notice.contains("到会6人（应到6人），同意6票")
                && notice.contains("同意修缮村委会"), notice);

        List<Map<String, Object>> meetings = as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter + "/meetings").then()
                .statusCode(200).extract().path("");
        String review = (String) meetings.stream().filter(m -> "REVIEW".equals(m.get("step"))).findFirst().orElseThrow().get("id");
        String minutes = ConsultationWalkThroughTest.pdfText(as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter
                + "/meetings/" + review + "/minutes").then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertTrue(minutes.contains("大沟河村党员大会会议记录") && minutes.contains("应到4人，实到4人")
                && minutes.contains("刘一") && minutes.contains("同意4票"), minutes);
        as("jiyuan-resident-nanxun").get(BASE + "/matters/" + matter + "/meetings/" + review + "/minutes").then().statusCode(403);

        // No minutes before a meeting is concluded, no notice before a resolution.
        String other = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "OTHER", "未结会议"));
        String open = ConsultationFixture.open(DAGOUHE_CADRE, other, "PROPOSAL", "PARTY_BRANCH");
        as(DAGOUHE_CADRE).get(BASE + "/matters/" + other + "/meetings/" + open + "/minutes").then().statusCode(409);
        as(DAGOUHE_CADRE).get(BASE + "/matters/" + other + "/resolution-notice").then().statusCode(409)
                .body("code", equalTo("not-resolved"));
    }
}
