package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.consultation.ConsultationFixture;
import org.wangwu.server.customs.CustomsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** The village's pages: a consultation matter's six steps with attendance and votes; the council's registrations. */
@QuarkusTest
class VillagePagesBrowserTest extends ConsoleBrowser {

    @Test
    void aCadreSeesAMattersSixStepsWithEachMeetingsAttendanceAndVotes() {
        ConsultationFixture.seed();
        String title = "修缮村道 " + UUID.randomUUID().toString().substring(0, 6);
        String id = ConsultationFixture.huashiUnderDisclosure(title);
        JsonPath matter = as("jiyuan-cadre").get(county(Api.JIYUAN) + "/consultation/matters/" + id).then()
                .statusCode(200).extract().jsonPath();

        Page page = signedIn("jiyuan-cadre", "/matters");
        page.locator("[data-test=matters] tr", new Page.LocatorOptions().setHasText(title)).click();
        Locator steps = page.locator("[data-test=six-steps] .el-step");
        assertThat(steps).hasCount(6);
        // Proposal, deliberation, review and resolution done; the resolution is under disclosure.
        assertThat(page.locator("[data-test=six-steps] .el-step__head.is-success")).hasCount(4);
        assertThat(steps.nth(4).locator(".el-step__head")).hasClass(java.util.regex.Pattern.compile("is-process"));
        assertThat(steps.nth(4)).containsText("决议公开");

        Locator meetings = page.locator("[data-test=meetings] tbody tr");
        assertThat(meetings).hasCount(matter.getList("meetings").size());
        for (int i = 0; i < matter.getList("meetings").size(); i++) {
            Locator row = page.locator("[data-test=meetings] tbody tr").nth(i);
            assertThat(row.locator(".attendance")).hasText(matter.getInt("meetings[" + i + "].present") + " / "
                    + matter.getInt("meetings[" + i + "].expected"));
            assertThat(row).containsText("赞成 " + matter.getInt("meetings[" + i + "].votesFor"));
        }
        screenshot(page, "matter-six-steps");
        // The other county's cadre has no such matter.
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id).then().statusCode(404);
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void theCouncilSeesARegistrationsExcessesAndWarnsTheFamily() {
        CustomsFixture.seed();
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "周杰");
        String id = as("jiyuan-cadre").body(CustomsFixture.registration("WEDDING", household,
                        LocalDate.now(PlatformClock.ZONE).plusDays(3), CustomsFixture.plan(12, 120, 50_000L, 200L, null, null)))
                .post(CustomsFixture.base(Api.JIYUAN) + "/registrations").then().statusCode(201).extract().path("id");

        Page page = signedIn("jiyuan-cadre", "/registrations");
        Locator row = page.locator("[data-test=registrations] tbody tr", new Page.LocatorOptions()
                .setHas(page.locator("[data-test=approve-" + id + "]")));
        assertThat(row).containsText("周杰");
        assertThat(row).containsText("婚事");
        assertThat(row.locator(".el-tag")).hasCount(4);
        screenshot(page, "registrations");
        row.locator("input").fill("彩礼超标，请按村规民约调整");
        row.locator("button", new Locator.LocatorOptions().setHasText("劝导")).click();
        Locator decided = page.locator("[data-test=registrations] tbody tr", new Page.LocatorOptions().setHasText("彩礼超标，请按村规民约调整"));
        assertThat(decided).containsText("已劝导");
        as("jiyuan-cadre").get(CustomsFixture.base(Api.JIYUAN) + "/registrations/" + id).then().statusCode(200)
                .body("status", equalTo("WARNED")).body("decidedBy", equalTo("jiyuan-cadre"))
                .body("decisionNote", equalTo("彩礼超标，请按村规民约调整"));
        as("anji-cadre").get(CustomsFixture.base(Api.ANJI) + "/registrations/" + id).then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }
}
