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

    @jakarta.inject.Inject
    PlatformClock clock;

    @org.junit.jupiter.api.AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void aCadreSeesAMattersSixStepsWithEachMeetingsAttendanceAndVotes() {
        ConsultationFixture.seed();
        String title = "修缮村道 " + UUID.randomUUID().toString().substring(0, 6);
        String id = ConsultationFixture.huashiUnderDisclosure(title);
        JsonPath matter = as("jiyuan-cadre").get(county(Api.JIYUAN) + "/consultation/matters/" + id).then()
                .statusCode(200).extract().jsonPath();

        // A cadre away west of UTC: a meeting's day is still the day the API holds (not the evening before).
        timezone = "America/Los_Angeles";
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
            assertThat(row.locator(".held-on")).hasText(matter.getString("meetings[" + i + "].heldOn"));
        }
        // The four meetings concluded without an outcome of their own: each result in the page's language only.
        assertThat(page.locator("[data-test=meetings] .outcome").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^通过$")))).hasCount(4);
        assertThat(page.locator("[data-test=matter]")).not().containsText("passed");
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

    @Test
    void aCadreConvenesTheProposalMeetingRecordsItsSignInSheetAndConcludesIt() {
        ConsultationFixture.seed();
        String title = "村口路灯 " + UUID.randomUUID().toString().substring(0, 6);
        String id = ConsultationFixture.huashiProposed(title);
        String meetings = county(Api.JIYUAN) + "/consultation/matters/" + id + "/meetings";

        Page page = signedIn("jiyuan-cadre", "/matters");
        page.locator("[data-test=matters] tr", new Page.LocatorOptions().setHasText(title)).click();
        page.locator("[data-test=convene]").click();
        Locator open = page.locator("[data-test=open-meeting]");
        assertThat(open).containsText("村党支部");
        String day = as("jiyuan-cadre").get(meetings).then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].status", equalTo("OPEN")).body("[0].body", equalTo("PARTY_BRANCH")).extract().path("[0].heldOn");
        assertThat(open).containsText(day);

        // A sheet naming someone not on the branch: the row's error, nothing recorded.
        open.locator("[data-test=meeting-sheet]").fill("name,household_number,proxy_name,proxy_household_number,vote\n"
                + "王建国,0001,,,同意\n李秀英,0003,,,同意");
        open.locator("[data-test=record-sheet]").click();
        assertThat(page.locator("[data-test=sheet-errors] tbody tr")).hasCount(1);
        as("jiyuan-cadre").get(meetings).then().statusCode(200).body("[0].attendees.size()", equalTo(0));
        open.locator("[data-test=meeting-sheet]").fill("name,household_number,proxy_name,proxy_household_number,vote\n"
                + "王建国,0001,,,同意\n张伟,0002,,,同意");
        open.locator("[data-test=record-sheet]").click();
        assertThat(open.locator("[data-test=attendees] tbody tr")).hasCount(2);
        assertThat(open.locator("[data-test=present]")).hasText("已签到 2 人");

        open.locator("[data-test=meeting-minutes]").fill("支部提议安装村口路灯。");
        screenshot(page, "meeting-open");
        open.locator("[data-test=conclude]").click();
        assertThat(page.locator("[data-test=open-meeting]")).hasCount(0);
        Locator row = page.locator("[data-test=meetings] tbody tr").first();
        assertThat(row.locator(".attendance")).hasText("2 / 2");
        assertThat(row).containsText("赞成 2");
        assertThat(row.locator(".outcome")).hasText("通过");
        screenshot(page, "meeting-concluded");
        as("jiyuan-cadre").get(meetings).then().statusCode(200).body("[0].status", equalTo("PASSED"))
                .body("[0].present", equalTo(2)).body("[0].votesFor", equalTo(2)).body("[0].minutes", equalTo("支部提议安装村口路灯。"));
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/consultation/matters/" + id).then().statusCode(200)
                .body("matter.step", equalTo("DELIBERATION"));
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id + "/meetings").then().statusCode(404);

        // The concluded meeting's papers: its minutes as the county's PDF, and the signed sheet's photo kept with it.
        row.locator(".el-table__expand-icon").click();
        String meeting = as("jiyuan-cadre").get(meetings).then().extract().path("[0].id");
        Locator papers = page.locator("[data-test=meeting-" + meeting + "]");
        com.microsoft.playwright.Download minutes = page.waitForDownload(() -> papers.locator("[data-test=minutes-pdf]").click());
        byte[] pdf = readAll(minutes);
        org.junit.jupiter.api.Assertions.assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        org.junit.jupiter.api.Assertions.assertTrue(minutes.suggestedFilename().startsWith("村党支部会议纪要 "), minutes.suggestedFilename());
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        papers.locator("[data-test=meeting-files-file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "签到表.png", "image/png", png));
        papers.locator("[data-test=meeting-files-upload]").click();
        assertThat(papers.locator("[data-test=meeting-files] .el-table__row", new Locator.LocatorOptions().setHasText("签到表.png")))
                .containsText("jiyuan-cadre");
        screenshot(page, "meeting-papers");
        as("jiyuan-cadre").get(meetings + "/" + meeting + "/attachments").then().statusCode(200)
                .body("fileName", equalTo(java.util.List.of("签到表.png"))).body("[0].contentType", equalTo("image/png"));
        as("anji-cadre").get(county(Api.ANJI) + "/consultation/matters/" + id + "/meetings/" + meeting + "/attachments")
                .then().statusCode(404);
        // The browser reports the refused sheet (422) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    private static byte[] readAll(com.microsoft.playwright.Download download) {
        try {
            return java.nio.file.Files.readAllBytes(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theCouncilVerifiesAWeddingAfterTheEventAndRecordsItsBreach() {
        CustomsFixture.seed();
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "吴磊");
        String id = as("jiyuan-cadre").body(CustomsFixture.registration("WEDDING", household,
                        LocalDate.now(PlatformClock.ZONE).plusDays(2), CustomsFixture.plan(8, 80, 10_000L, 50L, null, null)))
                .post(CustomsFixture.base(Api.JIYUAN) + "/registrations").then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(java.util.Map.of("decision", "APPROVED_WITH_CONDITIONS", "note", "不燃放烟花"))
                .post(CustomsFixture.base(Api.JIYUAN) + "/registrations/" + id + "/decision").then().statusCode(200);
        // The wedding has taken place.
        clock.advance(java.time.Duration.ofDays(3));

        Page page = signedIn("jiyuan-cadre", "/registrations");
        page.locator("[data-test=verify-" + id + "]").click();
        Locator form = page.locator("[data-test=verify-form]");
        form.locator("[data-test=actual-bride-price] input").fill("60000");
        screenshot(page, "registration-verify");
        form.locator("[data-test=verify]").click();
        Locator row = page.locator("[data-test=registrations] tbody tr", new Page.LocatorOptions().setHasText("吴磊"));
        assertThat(row).containsText("已核查");
        assertThat(row.locator("[data-test=compliance]")).hasText("超标");
        assertThat(row).containsText("彩礼60000元，超过上限30000元");
        assertThat(page.locator(".el-overlay-dialog")).isHidden();
        screenshot(page, "registration-verified");
        as("jiyuan-cadre").get(CustomsFixture.base(Api.JIYUAN) + "/registrations/" + id).then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("compliant", equalTo(false))
                .body("actual.bridePriceYuan", equalTo(60000)).body("verifiedBy", equalTo("jiyuan-cadre"));
        as("anji-cadre").get(CustomsFixture.base(Api.ANJI) + "/registrations/" + id).then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aCadreProposesACovenantVersionAndRecordsAHouseholdsSignedPledge() {
        CustomsFixture.seed();
        String head = "郑" + UUID.randomUUID().toString().substring(0, 4);
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, head);
        String number = as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/"
                + Territories.JIYUAN_VILLAGE + "/households").then().statusCode(200)
                .extract().path("items.find { it.id == '" + household + "' }.number");
        String title = "花石村村规民约（修订" + UUID.randomUUID().toString().substring(0, 4) + "）";
        // Jiyuan ratifies covenants by consultation: the version names the matter that resolves it.
        ConsultationFixture.seed();
        String matterTitle = "修订村规民约 " + UUID.randomUUID().toString().substring(0, 6);
        String matter = ConsultationFixture.huashiUnderDisclosure(matterTitle);

        Page page = signedIn("jiyuan-cadre", "/covenants");
        Locator propose = page.locator("[data-test=propose-form]");
        propose.locator("[data-test=covenant-title]").fill(title);
        propose.locator("[data-test=covenant-body]").fill("为移风易俗、建设文明乡风，经村民会议讨论，制定本公约。");
        propose.locator("[data-test=covenant-rules]").fill("婚事新办，彩礼不超过三万元\n丧事简办，治丧不超过三天");
        propose.locator("[data-test=covenant-matter]").click();
        page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText(matterTitle)).click();
        propose.locator("[data-test=propose]").click();
        Locator version = page.locator("[data-test=covenant-versions] tbody tr", new Page.LocatorOptions().setHasText(title));
        assertThat(version.locator(".status")).hasText("待通过");
        as("jiyuan-cadre").get(CustomsFixture.base(Api.JIYUAN) + "/villages/" + Territories.JIYUAN_VILLAGE
                        + "/covenant-versions").then().statusCode(200)
                .body("find { it.title == '" + title + "' }.rules", equalTo(java.util.List.of("婚事新办，彩礼不超过三万元", "丧事简办，治丧不超过三天")))
                .body("find { it.title == '" + title + "' }.consultationMatterId", equalTo(matter));

        Locator pledge = page.locator("[data-test=pledge-form]");
        pledge.locator("[data-test=pledge-household]").click();
        page.keyboard().type(number);
        page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText(number)).click();
        pledge.locator("[data-test=pledge-file]").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "承诺书.pdf", "application/pdf", "%PDF-1.4\n%signed pledge\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        pledge.locator("[data-test=record-pledge]").click();
        assertThat(page.locator("[data-test=pledges]")).containsText(head);
        screenshot(page, "covenants");
        as("jiyuan-cadre").get(CustomsFixture.base(Api.JIYUAN) + "/pledges?village=" + Territories.JIYUAN_VILLAGE).then()
                .statusCode(200).body("find { it.householdId == '" + household + "' }.householdName", equalTo(head))
                .body("find { it.householdId == '" + household + "' }.pages.size()", equalTo(1));
        as("anji-cadre").get(CustomsFixture.base(Api.ANJI) + "/villages/" + Territories.JIYUAN_VILLAGE
                + "/covenant-versions").then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void theCouncilOverturnsABlackListNoticeOnTheHouseholdsAppealAndCommendsAModelHousehold() {
        CustomsFixture.seed();
        String base = CustomsFixture.base(Api.JIYUAN);
        String head = "孙" + UUID.randomUUID().toString().substring(0, 4);
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, head);
        // A funeral held today for five days: its verification puts the household on notice.
        String registration = as("jiyuan-cadre").body(CustomsFixture.registration("FUNERAL", household,
                        LocalDate.now(PlatformClock.ZONE), CustomsFixture.plan(6, 60, null, 50L, 3, true)))
                .post(base + "/registrations").then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(java.util.Map.of("decision", "APPROVED"))
                .post(base + "/registrations/" + registration + "/decision").then().statusCode(200);
        as("jiyuan-cadre").body(java.util.Map.of("actual", CustomsFixture.plan(6, 60, null, 50L, 5, true)))
                .post(base + "/registrations/" + registration + "/verification").then().statusCode(200)
                .body("compliant", equalTo(false));
        String entry = as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).get(base + "/list-entries")
                .then().statusCode(200).extract().path("find { it.registrationId == '" + registration + "' }.id");

        Page page = signedIn("jiyuan-cadre", "/lists");
        Locator row = page.locator("[data-test=black-list] tbody tr", new Page.LocatorOptions().setHasText(head));
        assertThat(row.locator(".status")).hasText("公示中");
        assertThat(row).containsText("申诉截止");

        // The cadre records the household's appeal; a blank reason is the API's refusal at the field, nothing recorded.
        row.locator("[data-test=appeal-" + entry + "]").click();
        Locator form = page.locator("[data-test=appeal-form]");
        form.locator("[data-test=appeal-submit]").click();
        assertThat(form.locator(".el-form-item__error")).hasCount(1);
        as("jiyuan-cadre").get(base + "/list-entries/" + entry).then().statusCode(200).body("appealStatus", equalTo(null));
        form.locator("[data-test=appeal-reason]").fill("实际只办了3天，超出部分是亲属自发守灵");
        form.locator("[data-test=appeal-submit]").click();
        assertThat(row).containsText("申诉待裁决");
        assertThat(row).containsText("亲属自发守灵");

        // The council (the cadre chairs it) overturns the notice: the household leaves the black list.
        row.locator("[data-test=decide-" + entry + "]").click();
        form.locator("[data-test=outcome-overturned]").click();
        form.locator("[data-test=appeal-reason]").fill("经核查，守灵系亲属自发，不属超标");
        screenshot(page, "list-appeal");
        form.locator("[data-test=appeal-submit]").click();
        assertThat(row).hasCount(0);
        as("jiyuan-cadre").get(base + "/list-entries/" + entry).then().statusCode(200)
                .body("status", equalTo("OVERTURNED")).body("appealStatus", equalTo("OVERTURNED"))
                .body("appealReason", equalTo("实际只办了3天，超出部分是亲属自发守灵"))
                .body("appealDecision", equalTo("经核查，守灵系亲属自发，不属超标"));

        // A model household commended from the register goes on the red list.
        String model = "钱" + UUID.randomUUID().toString().substring(0, 4);
        String modelHousehold = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, model);
        page.reload();
        String number = as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/"
                        + Territories.JIYUAN_VILLAGE + "/households").then().statusCode(200)
                .extract().path("items.find { it.id == '" + modelHousehold + "' }.number");
        Locator commend = page.locator("[data-test=commend-form]");
        commend.locator("[data-test=commend-household]").click();
        page.keyboard().type(number);
        page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText(number)).click();
        commend.locator("[data-test=commend-reason]").fill("婚事新办，零彩礼");
        commend.locator("[data-test=commend]").click();
        assertThat(page.locator("[data-test=red-list] tbody tr", new Page.LocatorOptions().setHasText(model)))
                .containsText("婚事新办，零彩礼");
        screenshot(page, "lists");
        as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE).get(base + "/list-entries").then()
                .statusCode(200).body("find { it.householdId == '" + modelHousehold + "' }.list", equalTo("RED"));
        as("anji-cadre").get(CustomsFixture.base(Api.ANJI) + "/list-entries/" + entry).then().statusCode(404);
        // The browser reports the refused blank appeal (400) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("400"));
    }
}
