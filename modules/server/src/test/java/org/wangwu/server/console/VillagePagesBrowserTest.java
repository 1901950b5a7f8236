package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wangwu.server.consultation.ConsultationFixture;
import org.wangwu.server.support.Api;

/** The village's pages: a consultation matter's six steps, its meetings' attendance and votes. */
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
}
