package org.wangwu.server.consultation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.consultation.ConsultationFixture.BASE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;
import static org.wangwu.server.consultation.ConsultationFixture.HUASHI;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * The procedure's rules through the API, in Dagouhe whose register is exactly known: quorum at its
 * boundaries under the law and under a stricter county, proxies, the settings' floor, failed steps
 * going back as the county says, illegal steps, lighter forms, and bad input that changes nothing.
 */
@QuarkusTest
class ConsultationRulesTest {

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    @AfterEach
    void restore() {
        ConsultationFixture.resetSettings();
    }

    private static List<String> ids(String... names) {
        return java.util.Arrays.stream(names).map(n -> ConsultationFixture.residentId(DAGOUHE, n)).toList();
    }

    @Test
    void representativesMeetingNeedsMoreThanTwoThirdsAndACountyMayAskMore() {
        String matter = ConsultationFixture.dagouheAtResolution("集体收入使用 " + System.nanoTime());
        // 4 of the 6 representatives is exactly two thirds: no quorum.
        assertEquals("INQUORATE", ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ids("刘一", "刘二", "孙三", "周五"), "FOR", null));
        // A county that asks for more than five sixths: 5 of 6 is not enough either.
        ConsultationFixture.settings(Map.of("quorum", Map.of("villagersMeetingAdults", "1/2",
                "villagersMeetingHouseholds", "2/3", "representativesMeeting", "5/6", "committeeAndPartyMeetings", "1/2",
                "decision", "1/2")));
        assertEquals("INQUORATE", ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ids("刘一", "刘二", "孙三", "周五", "吴七"), "FOR", null));
        // Under the law, 5 of 6 meet; 3 of 5 for carries it.
        ConsultationFixture.resetSettings();
        String meeting = ConsultationFixture.open("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING");
        List<Map<String, Object>> votes = ConsultationFixture.voting(ids("刘一", "刘二", "孙三"), "FOR");
        votes.addAll(ConsultationFixture.voting(ids("周五", "吴七"), "AGAINST"));
        ConsultationFixture.attend("jiyuan-township", matter, meeting, votes).then().statusCode(200);
        Map<String, Object> c = ConsultationFixture.perPerson("表决");
        c.put("resolution", "同意。");
        ConsultationFixture.conclude("jiyuan-township", matter, meeting, c).then().statusCode(200)
                .body("status", equalTo("PASSED")).body("present", equalTo(5)).body("expected", equalTo(6))
                .body("votesFor", equalTo(3)).body("votesAgainst", equalTo(2));
    }

    @Test
    void villagersMeetingCountsAdultsOrHouseholdsAndExactlyHalfTheVotesFails() {
        String matter = ConsultationFixture.dagouheAtResolution("土地承包 " + System.nanoTime());
        // 5 of 10 adults (exactly half) from 4 of 6 households (exactly two thirds): no quorum. Minors never count.
        String first = ConsultationFixture.open("jiyuan-township", matter, "RESOLUTION", "VILLAGERS_MEETING");
        ConsultationFixture.attend("jiyuan-township", matter, first, ConsultationFixture.voting(ids("孙四"), "FOR"))
                .then().statusCode(422).body("errors[0].message", containsString("孙四"));
        ConsultationFixture.attend("jiyuan-township", matter, first,
                ConsultationFixture.voting(ids("刘一", "刘二", "孙三", "周五", "吴七"), "FOR")).then().statusCode(200);
        ConsultationFixture.conclude("jiyuan-township", matter, first, ConsultationFixture.perPerson("人数不足"))
                .then().statusCode(200).body("status", equalTo("INQUORATE")).body("expected", equalTo(10))
                .body("householdsPresent", equalTo(4)).body("householdsExpected", equalTo(6));
        // A proxy (the county allows them at villagers' meetings) brings the sixth household: quorum, but 3 for of 6 fails.
        String second = ConsultationFixture.open("jiyuan-township", matter, "RESOLUTION", "VILLAGERS_MEETING");
        List<Map<String, Object>> votes = ConsultationFixture.voting(ids("刘一", "孙三", "周五"), "FOR");
        votes.addAll(ConsultationFixture.voting(ids("吴七"), "AGAINST"));
        votes.add(Map.of("residentId", ConsultationFixture.residentId(DAGOUHE, "郑十"),
                "proxyFor", ConsultationFixture.residentId(DAGOUHE, "王十一"), "vote", "AGAINST"));
        ConsultationFixture.attend("jiyuan-township", matter, second, votes).then().statusCode(200);
        ConsultationFixture.conclude("jiyuan-township", matter, second, ConsultationFixture.perPerson("表决"))
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("present", equalTo(6))
                .body("householdsPresent", equalTo(6)).body("votesFor", equalTo(3)).body("votesAgainst", equalTo(3));
        // A failed resolution goes back to deliberation, as the default settings say.
        assertEquals("DELIBERATION", ConsultationFixture.step(DAGOUHE_CADRE, matter));
    }

    @Test
    void thresholdsBelowTheLawAreRefusedAndNothingChanges() {
        int before = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/consultation/settings").then().statusCode(200)
                .extract().path("revision");
        as("jiyuan-admin").body(Map.of("revision", before, "values", Map.of("quorum", Map.of("villagersMeetingAdults", "1/2",
                        "villagersMeetingHouseholds", "2/3", "representativesMeeting", "3/5", "committeeAndPartyMeetings",
                        "1/2", "decision", "1/2"))))
                .put(county(Api.JIYUAN) + "/modules/consultation/settings").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].message", containsString("representativesMeeting"));
        as("jiyuan-admin").body(Map.of("revision", before, "values", Map.of("failureReturnsTo", Map.of("REVIEW", "RESOLUTION"))))
                .put(county(Api.JIYUAN) + "/modules/consultation/settings").then().statusCode(422);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/consultation/settings").then().statusCode(200)
                .body("revision", equalTo(before)).body("values.quorum.representativesMeeting", equalTo("2/3"));
    }

    @Test
    void aStepThatCannotStartIsAConflictNamingTheStep() {
        String matter = ConsultationFixture.propose("jiyuan-cadre", ConsultationFixture.matter(HUASHI, "HOMESTEAD", "宅基地安排"));
        as("jiyuan-cadre").body(Map.of("step", "REVIEW", "body", "PARTY_MEMBERS", "heldOn", "2026-01-05"))
                .post(BASE + "/matters/" + matter + "/meetings").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("step-not-open"))
                .body("detail", containsString("REVIEW (审议)")).body("context.currentStep", equalTo("PROPOSAL"));
        as("jiyuan-cadre").body(Map.of("reason", "反对")).post(BASE + "/matters/" + matter + "/objections")
                .then().statusCode(403);
        as("jiyuan-resident").body(Map.of("reason", "反对")).post(BASE + "/matters/" + matter + "/objections")
                .then().statusCode(409).body("code", equalTo("step-not-open"));
        as("jiyuan-cadre").body(Map.of("note", "开工", "percent", 10)).post(BASE + "/matters/" + matter + "/progress")
                .then().statusCode(409).body("detail", containsString("IMPLEMENTATION"));
        as("jiyuan-cadre").post(BASE + "/matters/" + matter + "/close").then().statusCode(409)
                .body("detail", containsString("EVALUATION"));
        // The right body only, and one meeting at a time.
        as("jiyuan-cadre").body(Map.of("step", "PROPOSAL", "body", "TWO_COMMITTEES", "heldOn", "2026-01-05"))
                .post(BASE + "/matters/" + matter + "/meetings").then().statusCode(422);
        ConsultationFixture.open("jiyuan-cadre", matter, "PROPOSAL", "PARTY_BRANCH");
        as("jiyuan-cadre").body(Map.of("step", "PROPOSAL", "body", "PARTY_BRANCH", "heldOn", "2026-01-05"))
                .post(BASE + "/matters/" + matter + "/meetings").then().statusCode(409).body("code", equalTo("meeting-open"));
        // Only the village's cadres propose; a resident, another village's cadre, Anji: refused.
        as("jiyuan-resident").body(ConsultationFixture.matter(HUASHI, "HOMESTEAD", "x")).post(BASE + "/matters")
                .then().statusCode(403);
        as(DAGOUHE_CADRE).body(ConsultationFixture.matter(HUASHI, "HOMESTEAD", "x")).post(BASE + "/matters")
                .then().statusCode(403);
        as("anji-cadre").get(BASE + "/matters/" + matter).then().statusCode(403);
    }

    @Test
    void aFailedProposalIsWithdrawnAndAFailedReviewGoesBack() {
        String dropped = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "PUBLIC_WORKS", "建凉亭"));
        assertEquals("REJECTED", ConsultationFixture.meet(DAGOUHE_CADRE, dropped, "PROPOSAL", "PARTY_BRANCH",
                ids("刘一", "孙三", "周五"), "AGAINST", null));
        assertEquals("WITHDRAWN", ConsultationFixture.step(DAGOUHE_CADRE, dropped));
        ConsultationFixture.settings(Map.of("failureReturnsTo", Map.of("REVIEW", "PROPOSAL")));
        String matter = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "PUBLIC_WORKS", "修桥"));
        ConsultationFixture.meet(DAGOUHE_CADRE, matter, "PROPOSAL", "PARTY_BRANCH", ids("刘一", "孙三", "周五"), "FOR", null);
        ConsultationFixture.meet(DAGOUHE_CADRE, matter, "DELIBERATION", "TWO_COMMITTEES",
                ids("刘一", "孙三", "周五", "吴七", "郑九"), "FOR", null);
        assertEquals("REJECTED", ConsultationFixture.meet(DAGOUHE_CADRE, matter, "REVIEW", "PARTY_MEMBERS",
                ids("刘一", "孙三", "周五"), "AGAINST", null));
        assertEquals("PROPOSAL", ConsultationFixture.step(DAGOUHE_CADRE, matter));
    }

    @Test
    void aLighterFormRecordsAttendanceMinutesAndOutcomeOnly() {
        Map<String, Object> light = ConsultationFixture.matter(DAGOUHE, "ENVIRONMENT", "垃圾投放点 " + System.nanoTime());
        light.put("procedure", "LIGHT");
        light.put("form", "COURTYARD");
        String matter = ConsultationFixture.propose(DAGOUHE_CADRE, light);
        assertEquals("LIGHT_MEETING", ConsultationFixture.step(DAGOUHE_CADRE, matter));
        as(DAGOUHE_CADRE).body(Map.of("step", "PROPOSAL", "body", "PARTY_BRANCH", "heldOn", "2026-01-05"))
                .post(BASE + "/matters/" + matter + "/meetings").then().statusCode(409).body("code", equalTo("step-not-open"));
        String meeting = ConsultationFixture.open(DAGOUHE_CADRE, matter, "LIGHT_MEETING", "LIGHT_FORM");
        ConsultationFixture.attend(DAGOUHE_CADRE, matter, meeting, ConsultationFixture.voting(ids("周六", "吴八", "王十一"), null))
                .then().statusCode(200);
        ConsultationFixture.conclude(DAGOUHE_CADRE, matter, meeting, Map.of("minutes", "院落会商定投放点位置。"))
                .then().statusCode(422);
        ConsultationFixture.conclude(DAGOUHE_CADRE, matter, meeting, Map.of("minutes", "院落会商定投放点位置。",
                        "outcome", "在村委会西侧设置投放点。"))
                .then().statusCode(200).body("status", equalTo("RECORDED")).body("present", equalTo(3));
        as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter).then().statusCode(200).body("matter.step", equalTo("CLOSED"))
                .body("matter.outcome", equalTo("在村委会西侧设置投放点。"));
        // A category that needs the full procedure may not take a lighter form; an unknown form is refused.
        Map<String, Object> wrong = ConsultationFixture.matter(DAGOUHE, "COMPENSATION", "补偿分配");
        wrong.put("procedure", "LIGHT");
        wrong.put("form", "COURTYARD");
        as(DAGOUHE_CADRE).body(wrong).post(BASE + "/matters").then().statusCode(422)
                .body("errors[0].field", equalTo("procedure"));
        light.put("form", "TEAHOUSE");
        as(DAGOUHE_CADRE).body(light).post(BASE + "/matters").then().statusCode(422).body("errors[0].field", equalTo("form"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long before = Database.count("select count(*) from consultation_matter");
        Map<String, Object> unknownCategory = ConsultationFixture.matter(HUASHI, "SPACESHIP", "造飞船");
        as("jiyuan-cadre").body(unknownCategory).post(BASE + "/matters").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"));
        Map<String, Object> unknownField = ConsultationFixture.matter(HUASHI, "HOMESTEAD", "x");
        unknownField.put("budget", 5);
        as("jiyuan-cadre").body(unknownField).post(BASE + "/matters").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> negative = ConsultationFixture.matter(HUASHI, "HOMESTEAD", "x");
        negative.put("estimatedAmount", -1);
        as("jiyuan-cadre").body(negative).post(BASE + "/matters").then().statusCode(400);
        as("jiyuan-cadre").body(ConsultationFixture.matter("419001100299", "HOMESTEAD", "x")).post(BASE + "/matters")
                .then().statusCode(403);
        as("jiyuan-cadre").body("{not json").post(BASE + "/matters").then().statusCode(400);
        as("jiyuan-resident").body(Map.of("villageCode", HUASHI, "category", "OTHER", "text", ""))
                .post(BASE + "/suggestions").then().statusCode(400);
        as("jiyuan-cadre").get(BASE + "/matters/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before, Database.count("select count(*) from consultation_matter"));
        // Attendance with a stranger and a duplicate: every row reported, nothing recorded.
        String matter = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "PUBLIC_WORKS", "修路"));
        String meeting = ConsultationFixture.open(DAGOUHE_CADRE, matter, "PROPOSAL", "PARTY_BRANCH");
        List<Map<String, Object>> wrong = ConsultationFixture.voting(ids("刘一", "刘一", "吴八"), "FOR");
        wrong.add(Map.of("residentId", ConsultationFixture.residentId(HUASHI, "王建国")));
        ConsultationFixture.attend(DAGOUHE_CADRE, matter, meeting, wrong).then().statusCode(422)
                .body("errors.row", equalTo(List.of(2, 3, 4)));
        as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter + "/meetings").then().statusCode(200)
                .body("[0].attendees.size()", equalTo(0));
        ConsultationFixture.conclude(DAGOUHE_CADRE, matter, meeting, Map.of("voteMode", "TOTALS",
                "totals", Map.of("votesFor", 1, "votesAgainst", 0, "votesAbstain", 0))).then().statusCode(200)
                .body("status", equalTo("INQUORATE"));
        as(DAGOUHE_CADRE).get(BASE + "/matters").then().statusCode(200).body("items.id", hasItem(matter));
    }
}
