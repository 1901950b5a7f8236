package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.consultation.ConsultationFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * A consultation matter's page beyond its meetings: the objections villagers raised while it was disclosed and the
 * cadre's answer, the households' evaluations of its result, and a meeting's attendance picked from its body's
 * members. Objections and evaluations are the villagers' own (the API takes no one else's): the scenario raises
 * and gives them through the API as the villagers, and the page shows them.
 */
@QuarkusTest
class MatterPagesBrowserTest extends ConsoleBrowser {

    @Inject
    PlatformClock clock;

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void aCadreAnswersAVillagersObjectionAndReadsTheHouseholdsEvaluationsOfTheResult() {
        ConsultationFixture.seed();
        String title = "修缮水渠 " + UUID.randomUUID().toString().substring(0, 6);
        String id = ConsultationFixture.huashiUnderDisclosure(title);
        String matter = county(Api.JIYUAN) + "/consultation/matters/" + id;
        // A villager of Huashi objects while the resolution is disclosed.
        String objection = as("jiyuan-resident2").body(Map.of("reason", "预算偏高，请说明依据。"))
                .post(matter + "/objections").then().statusCode(201).extract().path("id");

        Page page = signedIn("jiyuan-cadre", "/matters");
        page.locator("[data-test=matters] tr", new Page.LocatorOptions().setHasText(title)).click();
        Locator row = page.locator("[data-test=objections] tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("jiyuan-resident2");
        assertThat(row).containsText("决议公开");
        assertThat(row.locator(".reason")).hasText("预算偏高，请说明依据。");
        assertThat(row.locator(".status")).hasText("待答复");

        // A blank answer: the API's refusal at the field, nothing recorded.
        page.locator("[data-test=answer-submit-" + objection + "]").click();
        assertThat(row.locator(".el-form-item__error")).hasCount(1);
        as("jiyuan-cadre").get(matter).then().statusCode(200)
                .body("objections.find { it.id == '" + objection + "' }.status", equalTo("OPEN"));

        page.locator("[data-test=answer-" + objection + "]").fill("预算按县水利局定额编制，明细已张贴。");
        page.locator("[data-test=answer-submit-" + objection + "]").click();
        assertThat(row.locator(".status")).hasText("已答复");
        assertThat(row.locator(".answer")).hasText("预算按县水利局定额编制，明细已张贴。");
        assertThat(row).containsText("jiyuan-cadre");
        screenshot(page, "matter-objection-answered");
        as("jiyuan-cadre").get(matter).then().statusCode(200)
                .body("matter.step", equalTo("RESOLUTION_DISCLOSURE"))
                .body("objections.find { it.id == '" + objection + "' }.status", equalTo("ANSWERED"))
                .body("objections.find { it.id == '" + objection + "' }.answer", equalTo("预算按县水利局定额编制，明细已张贴。"))
                .body("objections.find { it.id == '" + objection + "' }.answeredBy", equalTo("jiyuan-cadre"));
        // The other county's cadre has no such matter, nor its objection to answer.
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id).then().statusCode(404);
        as("anji-cadre").body(Map.of("answer", "不属实", "sendBack", false)).post(county(Api.ANJI) + "/consultation/matters/" + id
                + "/objections/" + objection + "/answer").then().statusCode(404);

        // The window runs out; implemented, found in order by the supervision committee, the result disclosed;
        // after its window two households evaluate it.
        clock.advance(Duration.ofDays(8));
        as("jiyuan-cadre").body(Map.of("note", "水渠修缮完成。", "percent", 100)).post(matter + "/progress")
                .then().statusCode(201);
        as("jiyuan-supervisor").body(Map.of("opinion", "经现场查验，工程质量合格。", "approved", true))
                .post(matter + "/supervision").then().statusCode(201);
        as("jiyuan-cadre").body(Map.of("summary", "水渠修缮300米完成。")).post(matter + "/result").then().statusCode(200);
        clock.advance(Duration.ofDays(8));
        as("jiyuan-resident").body(Map.of("rating", "SATISFIED", "comment", "水渠通了")).post(matter + "/evaluations")
                .then().statusCode(201);
        as("jiyuan-resident2").body(Map.of("rating", "UNSATISFIED")).post(matter + "/evaluations")
                .then().statusCode(201);

        page.reload();
        page.locator("[data-test=matters] tr", new Page.LocatorOptions().setHasText(title)).click();
        Locator tally = page.locator("[data-test=evaluation-tally]");
        assertThat(tally.locator("[data-test=rating-SATISFIED]")).hasText("满意 1");
        assertThat(tally.locator("[data-test=rating-BASICALLY_SATISFIED]")).hasText("基本满意 0");
        assertThat(tally.locator("[data-test=rating-UNSATISFIED]")).hasText("不满意 1");
        assertThat(tally.locator("[data-test=evaluated]")).hasText("共 2 户评议");
        assertThat(tally.locator("[data-test=satisfaction]")).hasText("满意率 50%");
        // The answered objection stays with the matter, without a form.
        assertThat(row.locator(".status")).hasText("已答复");
        assertThat(page.locator("[data-test=objections] textarea")).hasCount(0);
        screenshot(page, "matter-evaluations");
        as("jiyuan-cadre").get(matter).then().statusCode(200)
                .body("evaluations.satisfied", equalTo(1)).body("evaluations.basicallySatisfied", equalTo(0))
                .body("evaluations.unsatisfied", equalTo(1));
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id).then().statusCode(404);
        // The browser reports the refused blank answer (400) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("400"));
    }

    @Test
    void aCadrePicksTheBranchMembersPresentFromItsMembersListKeepingTheSheet() {
        ConsultationFixture.seed();
        String title = "村口公厕 " + UUID.randomUUID().toString().substring(0, 6);
        String id = ConsultationFixture.huashiProposed(title);
        String meetings = county(Api.JIYUAN) + "/consultation/matters/" + id + "/meetings";
        String bodies = county(Api.JIYUAN) + "/consultation/villages/" + Territories.JIYUAN_VILLAGE + "/bodies";
        int branch = as("jiyuan-cadre").get(bodies).then().statusCode(200)
                .extract().path("findAll { it.body == 'PARTY_BRANCH' }.size()");
        String wang = as("jiyuan-cadre").get(bodies).then().statusCode(200)
                .extract().path("find { it.body == 'PARTY_BRANCH' && it.name == '王建国' }.residentId");
        String zhang = as("jiyuan-cadre").get(bodies).then().statusCode(200)
                .extract().path("find { it.body == 'PARTY_BRANCH' && it.name == '张伟' }.residentId");

        Page page = signedIn("jiyuan-cadre", "/matters");
        page.locator("[data-test=matters] tr", new Page.LocatorOptions().setHasText(title)).click();
        page.locator("[data-test=convene]").click();
        Locator open = page.locator("[data-test=open-meeting]");
        assertThat(open).containsText("村党支部");
        // The branch's members, a box each; the sign-in sheet stays for whoever prefers it.
        Locator members = open.locator("[data-test=members] tbody tr");
        assertThat(members).hasCount(branch);
        assertThat(open.locator("[data-test=meeting-sheet]")).isVisible();

        open.locator("[data-test=pick-" + wang + "]").click();
        open.locator("[data-test=pick-vote-" + wang + "]").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("赞成")).click();
        assertThat(page.locator(".el-select-dropdown__item:visible")).hasCount(0);
        open.locator("[data-test=pick-" + zhang + "]").click();
        open.locator("[data-test=pick-vote-" + zhang + "]").click();
        page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("反对")).click();
        assertThat(open.locator("[data-test=record-picked]")).containsText("2");
        screenshot(page, "meeting-members-picked");
        open.locator("[data-test=record-picked]").click();
        assertThat(open.locator("[data-test=attendees] tbody tr")).hasCount(2);
        assertThat(open.locator("[data-test=present]")).hasText("已签到 2 人");
        assertThat(open.locator("[data-test=attendees]")).containsText("王建国");
        assertThat(open.locator("[data-test=attendees]")).containsText("反对");
        screenshot(page, "meeting-members-recorded");
        as("jiyuan-cadre").get(meetings).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].status", equalTo("OPEN")).body("[0].attendees.size()", equalTo(2))
                .body("[0].attendees.find { it.residentId == '" + wang + "' }.vote", equalTo("FOR"))
                .body("[0].attendees.find { it.residentId == '" + zhang + "' }.vote", equalTo("AGAINST"));

        // 张伟 left before the vote: unticked, the list recorded again replaces the one before.
        open.locator("[data-test=pick-" + zhang + "]").click();
        open.locator("[data-test=record-picked]").click();
        assertThat(open.locator("[data-test=attendees] tbody tr")).hasCount(1);
        as("jiyuan-cadre").get(meetings).then().statusCode(200).body("[0].attendees.size()", equalTo(1))
                .body("[0].attendees[0].residentId", equalTo(wang)).body("[0].attendees[0].vote", equalTo("FOR"));
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id).then().statusCode(404);
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id + "/meetings").then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }
}
