package org.wangwu.server.customs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.wangwu.server.customs.CustomsFixture.base;
import static org.wangwu.server.customs.CustomsFixture.publicBase;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Where a county runs no consultation module, a covenant version takes effect when a cadre records
 * the villagers' meeting that adopted it; the version in force is public without login, with its
 * attachments, and a newer one supersedes it. Other counties see none of it.
 */
@QuarkusTest
class CovenantTest {

    static final String LINZHOU_VILLAGE = "410581100201";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        CustomsFixture.seed();
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "townships", "code,name_zh,name_en\n410581100,任村镇,Rencun\n");
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "villages", "code,township_code,name_zh,name_en\n"
                + LINZHOU_VILLAGE + ",410581100,桃园村,Taoyuan\n");
        CustomsFixture.enable("linzhou-admin", Api.LINZHOU, "customs");
    }

    @Test
    void aCadreRecordsTheMeetingThatAdoptedAVersionAndThePublicReadsTheOneInForce() {
        String versions = base(Api.LINZHOU) + "/villages/" + LINZHOU_VILLAGE + "/covenant-versions";
        String first = as("linzhou-admin").body(version("桃园村村规民约", null)).post(versions).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().path("id");
        int number = as("linzhou-admin").get(versions).then().statusCode(200).extract().path("find { it.id == '" + first
                + "' }.number");
        String adoption = base(Api.LINZHOU) + "/covenant-versions/" + first + "/adoption";
        // A meeting in the future, or an unknown field, changes nothing.
        as("linzhou-admin").body(Map.of("meetingDate", clock.today().plusDays(1).toString(), "attendees", 80,
                "minutes", "表决通过")).post(adoption).then().statusCode(422).contentType("application/problem+json");
        as("linzhou-admin").body(Map.of("meetingDate", clock.today().toString(), "attendees", 80, "minutes", "x",
                "chair", "y")).post(adoption).then().statusCode(400);
        as("linzhou-admin").get(versions).then().body("find { it.id == '" + first + "' }.status", equalTo("PROPOSED"));

        as("linzhou-admin").body(Map.of("meetingDate", clock.today().toString(), "attendees", 80,
                        "minutes", "村民会议表决通过，赞成76票")).post(adoption).then().statusCode(200)
                .body("status", equalTo("IN_FORCE")).body("adoptedBy", equalTo("MEETING"));
        as("linzhou-admin").body(Map.of("meetingDate", clock.today().toString(), "attendees", 80, "minutes", "again"))
                .post(adoption).then().statusCode(409);
        String file = as("linzhou-admin").contentType("multipart/form-data")
                .multiPart("file", "covenant.pdf", PDF, "application/pdf")
                .post(base(Api.LINZHOU) + "/covenant-versions/" + first + "/attachments").then().statusCode(201)
                .extract().path("id");

        String page = publicBase(Api.LINZHOU) + "/villages/" + LINZHOU_VILLAGE + "/covenant";
        given().get(page).then().statusCode(200).body("id", equalTo(first)).body("number", equalTo(number))
                .body("rules", hasItem("婚事新办，彩礼不超过县定标准")).body("attachments[0].id", equalTo(file));
        given().get(page + "/attachments/" + file).then().statusCode(200).contentType("application/pdf");

        // A second version adopted supersedes the first; the public page follows.
        String second = as("linzhou-admin").body(version("桃园村村规民约（修订）", null)).post(versions).then()
                .statusCode(201).extract().path("id");
        as("linzhou-admin").body(Map.of("meetingDate", clock.today().toString(), "attendees", 90, "minutes", "修订通过"))
                .post(base(Api.LINZHOU) + "/covenant-versions/" + second + "/adoption").then().statusCode(200);
        given().get(page).then().statusCode(200).body("id", equalTo(second)).body("attachments", equalTo(List.of()));
        given().get(page + "/attachments/" + file).then().statusCode(404);
        as("linzhou-admin").get(versions).then().body("find { it.id == '" + first + "' }.status", equalTo("SUPERSEDED"));

        // Residents do not write covenants; Jiyuan and Anji read none of Linzhou's.
        as("jiyuan-resident").body(version("x", null)).post(base(Api.JIYUAN) + "/villages/" + Territories.JIYUAN_VILLAGE
                + "/covenant-versions").then().statusCode(403);
        as("anji-admin").get(versions).then().statusCode(403);
        given().get(publicBase(Api.ANJI) + "/villages/" + LINZHOU_VILLAGE + "/covenant").then().statusCode(404);
        // Asked under its own county, Anji finds no such village: not an empty list, a 404.
        as("anji-admin").get(base(Api.ANJI) + "/villages/" + LINZHOU_VILLAGE + "/covenant-versions").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        as("anji-admin").get(base(Api.ANJI) + "/villages/" + LINZHOU_VILLAGE + "/council").then()
                .statusCode(404).contentType("application/problem+json");
        as("linzhou-admin").get(base(Api.LINZHOU) + "/villages/" + LINZHOU_VILLAGE + "/council").then()
                .statusCode(200);
    }

    static Map<String, Object> version(String title, String matter) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("title", title);
        v.put("body", "为推进移风易俗，树立文明新风，制定本村规民约。");
        v.put("rules", List.of("婚事新办，彩礼不超过县定标准", "丧事简办，进公益性公墓"));
        if (matter != null) {
            v.put("consultationMatterId", matter);
        }
        return v;
    }
}
