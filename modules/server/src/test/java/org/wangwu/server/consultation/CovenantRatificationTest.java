package org.wangwu.server.consultation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;

/**
 * The two modules meet through the platform's events only: a covenant version names the
 * consultation matter on the covenant (村规民约制定修改); when that matter's resolution has been
 * disclosed, consultation raises {@code consultation.matter-resolved} and the version takes effect.
 * Where consultation is on, a cadre cannot adopt a version by recording a meeting instead.
 */
@QuarkusTest
class CovenantRatificationTest {

    private static final String CUSTOMS = county(Api.JIYUAN) + "/customs";

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/customs/status").then()
                .statusCode(200);
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    @Test
    void aConsultationResolutionRatifiesTheCovenantVersionNamingTheMatter() throws InterruptedException {
        String matter = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "VILLAGE_COVENANT",
                "大沟河村村规民约修订（婚丧标准）"));
        String versions = CUSTOMS + "/villages/" + DAGOUHE + "/covenant-versions";
        // Where consultation is on, a version must name the matter that will ratify it, and no meeting adopts it.
        as(DAGOUHE_CADRE).body(version(null)).post(versions).then().statusCode(422);
        String id = as(DAGOUHE_CADRE).body(version(matter)).post(versions).then().statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().path("id");
        as(DAGOUHE_CADRE).body(Map.of("meetingDate", clock.today().toString(), "attendees", 10, "minutes", "表决通过"))
                .post(CUSTOMS + "/covenant-versions/" + id + "/adoption").then().statusCode(409)
                .body("code", equalTo("ratified-by-consultation"));

        // Four discussions: proposal, deliberation, review, resolution by the representatives.
        List<String> branch = List.of(ConsultationFixture.residentId(DAGOUHE, "刘一"),
                ConsultationFixture.residentId(DAGOUHE, "孙三"), ConsultationFixture.residentId(DAGOUHE, "周五"));
        ConsultationFixture.meet(DAGOUHE_CADRE, matter, "PROPOSAL", "PARTY_BRANCH", branch, "FOR", null);
        List<String> committees = new ArrayList<>(branch);
        committees.add(ConsultationFixture.residentId(DAGOUHE, "吴七"));
        committees.add(ConsultationFixture.residentId(DAGOUHE, "郑九"));
        ConsultationFixture.meet(DAGOUHE_CADRE, matter, "DELIBERATION", "TWO_COMMITTEES", committees, "FOR", null);
        ConsultationFixture.meet(DAGOUHE_CADRE, matter, "REVIEW", "PARTY_MEMBERS",
                ConsultationFixture.flagged(DAGOUHE, "partyMember"), "FOR", null);
        assertEquals("PASSED", ConsultationFixture.meet(DAGOUHE_CADRE, matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(DAGOUHE, "representative"), "FOR", "修订村规民约：彩礼不超过3万元，丧事3日内办完。"));
        // Under disclosure the version is not yet in force.
        String page = "/api/v1/public/counties/" + Api.JIYUAN + "/customs/villages/" + DAGOUHE + "/covenant";
        given().get(page).then().statusCode(404);

        // The disclosure window runs out; the next step of the matter makes the resolution an event.
        clock.advance(Duration.ofDays(8));
        as(DAGOUHE_CADRE).body(Map.of("note", "村规民约已印发到户。", "percent", 50))
                .post(ConsultationFixture.BASE + "/matters/" + matter + "/progress").then().statusCode(201);
        Response inForce = null;
        for (int i = 0; i < 60 && (inForce == null || inForce.statusCode() != 200); i++) {
            Thread.sleep(500);
            inForce = given().get(page);
        }
        inForce.then().statusCode(200).body("id", equalTo(id)).body("adoptedBy", equalTo("CONSULTATION"))
                .body("consultationMatterId", equalTo(matter));
        given().get("/api/v1/public/counties/" + Api.ANJI + "/customs/villages/" + DAGOUHE + "/covenant").then()
                .statusCode(404);
    }

    private static Map<String, Object> version(String matter) {
        Map<String, Object> v = new java.util.HashMap<>();
        v.put("title", "大沟河村村规民约（修订）");
        v.put("body", "为推进移风易俗，经村民代表会议决议，修订本村规民约。");
        v.put("rules", List.of("婚事新办，彩礼不超过3万元", "丧事简办，3日内办完，进公益性公墓"));
        if (matter != null) {
            v.put("consultationMatterId", matter);
        }
        return v;
    }
}
