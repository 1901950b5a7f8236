package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** The console's first scenarios: module switches and settings, the clerk's redemption, the province, public notices. */
@QuarkusTest
class ConsoleBrowserTest extends ConsoleBrowser {

    private static void noticeboard(boolean enabled) {
        as("jiyuan-admin").body(Map.of("enabled", enabled)).put(county(Api.JIYUAN) + "/modules/noticeboard/status")
                .then().statusCode(200);
    }

    @Test
    void aCountyAdministratorSwitchesAModuleOffAndItsMenuDisappears() {
        Territories.seedTwoCounties();
        noticeboard(true);
        Page page = signedIn("jiyuan-admin", "/modules");
        Locator menuEntry = page.locator("[data-test='menu-/modules/noticeboard']");
        assertThat(menuEntry).isVisible();
        screenshot(page, "modules-on");
        page.locator("[data-test=switch-noticeboard]").click();
        assertThat(menuEntry).hasCount(0);
        assertThat(page.locator("[data-test=switch-noticeboard]")).not().hasClass(java.util.regex.Pattern.compile("is-checked"));
        screenshot(page, "modules-off");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard").then().statusCode(200)
                .body("state.enabled", equalTo(false));
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aSettingWithABadValueShowsTheApisMessageAtTheField() {
        Territories.seedTwoCounties();
        noticeboard(true);
        int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then()
                .statusCode(200).extract().path("revision");
        String apiMessage = as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("maxLength", 5)))
                .put(county(Api.JIYUAN) + "/modules/noticeboard/settings").then().statusCode(422)
                .extract().path("errors.find { it.field == 'values.maxLength' }.message");

        Page page = signedIn("jiyuan-admin", "/modules/noticeboard");
        Locator field = page.locator("[data-test=setting-maxLength]");
        Locator input = field.locator("input");
        input.fill("5");
        input.blur();
        page.locator("[data-test=save]").click();
        // The API's message, said in the page's language (its figures kept).
        assertThat(field.locator(".el-form-item__error")).hasText(
                apiMessage.replaceFirst("^must be between (\\S+) and (\\S+)$", "须在 $1 到 $2 之间"));
        assertTrue(!field.locator(".el-form-item__error").innerText().startsWith("must"), apiMessage);
        screenshot(page, "settings-bad-value");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then().statusCode(200)
                .body("revision", equalTo(revision));
        // The browser reports the refused request itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    @Test
    void anExpiredSessionSignsInAgainAndTheFormKeepsWhatWasTyped() {
        Territories.seedTwoCounties();
        noticeboard(true);
        int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then()
                .statusCode(200).extract().path("revision");
        int typed = 300 + (revision % 200);

        Page page = open(1280, 860);
        // The browser's clock, to let its session run out without waiting for it.
        page.clock().install();
        page.navigate(base() + "/#/modules/noticeboard");
        logIn(page, "jiyuan-admin", "/modules/noticeboard");
        Locator input = page.locator("[data-test=setting-maxLength] input");
        input.fill(String.valueOf(typed));
        input.blur();

        // The access token runs out (the realm's lifespan is 15 minutes) and the session is over in Keycloak.
        endSessions("jiyuan-admin");
        page.clock().fastForward("20:00");
        page.locator("[data-test=save]").click();
        logIn(page, "jiyuan-admin", "/modules/noticeboard");
        assertThat(input).hasValue(String.valueOf(typed));
        screenshot(page, "session-expired-form-kept");
        // Nothing was saved meanwhile; now it is.
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then().statusCode(200)
                .body("revision", equalTo(revision));
        page.locator("[data-test=save]").click();
        assertThat(page.locator(".el-message--success")).isVisible();
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then().statusCode(200)
                .body("revision", equalTo(revision + 1)).body("values.maxLength", equalTo(typed));
        // The refused refresh (400) is the browser's report of the ended session; nothing else.
        assertNoConsoleErrors(e -> e.contains("400"));
    }

    @Test
    void aClerkRedeemsOnceEvenWhenTheButtonIsPressedTwice() {
        PointsFixture.seed(0);
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = null;
        for (int i = 0; i < 3; i++) {
            account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                    .extract().path("accountId");
        }
        String markets = county(Api.JIYUAN) + "/points/supermarkets";
        String market = as("jiyuan-cadre").body(Map.of("name", "浏览器测试超市", "placeCode", Territories.JIYUAN_VILLAGE,
                "clerks", List.of("jiyuan-clerk"))).post(markets).then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(Map.of("name", "食盐", "pricePoints", 7, "stock", 10))
                .post(markets + "/" + market + "/goods").then().statusCode(201);

        Page page = signedIn("jiyuan-clerk", "/redeem?supermarket=" + market + "&account=" + account);
        assertThat(page.locator("[data-test=balance]")).hasText("30");
        screenshot(page, "redeem-before");
        page.locator("[data-test=redeem-食盐]").dblclick();
        assertThat(page.locator("[data-test=last]")).isVisible();
        assertThat(page.locator("[data-test=balance]")).hasText("23");
        // The till roll: the one redemption, its points and the balance after.
        Locator roll = page.locator("[data-test=redemptions] tbody tr");
        assertThat(roll).hasCount(1);
        assertThat(roll.first()).containsText("食盐");
        assertThat(roll.first()).containsText("23");
        screenshot(page, "redeem-after");

        as("jiyuan-admin").get(county(Api.JIYUAN) + "/points/accounts/" + account).then().statusCode(200)
                .body("balance", equalTo(23));
        as("jiyuan-clerk").get(markets + "/" + market + "/redemptions").then().statusCode(200)
                .body("items.size()", equalTo(1));
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aProvincialViewerSeesChartsOfTheirProvinceOnlyDrillsDownAndExports() throws Exception {
        // Points issued in Jiyuan this month: the province has figures to draw.
        PointsFixture.seed(0);
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE))
                .then().statusCode(201);
        Page page = signedIn("henan-viewer", "/province");
        assertThat(page.locator("[data-test=province-title]")).containsText("41");
        assertThat(page.locator("[data-test=county-" + Api.JIYUAN + "]")).isVisible();
        assertThat(page.locator("[data-test=county-" + Api.LINZHOU + "]")).isVisible();
        assertThat(page.locator("[data-test=county-" + Api.ANJI + "]")).hasCount(0);
        assertThat(page.locator("[data-test=module-points] canvas").first()).isVisible();
        assertThat(page.locator("[data-test=province-empty]")).hasCount(0);
        screenshot(page, "province");

        // Drill-down: the county's townships, then a township's villages; each export is the API's file.
        page.locator("[data-test=county-" + Api.JIYUAN + "]").click();
        assertThat(page.locator("[data-test=drill]")).containsText(Api.JIYUAN);
        screenshot(page, "province-county");
        assertEquals(exportOf("/api/v1/provinces/41/counties/" + Api.JIYUAN + "/export"), downloaded(page));
        page.locator("[data-test=drill] .el-table button", new Page.LocatorOptions().setHasText("承留镇")).first().click();
        assertThat(page.locator("[data-test=drill] h3")).containsText("承留镇 (" + Territories.JIYUAN_TOWNSHIP + ")");
        assertThat(page.locator("[data-test=drill]")).containsText("花石村");
        screenshot(page, "province-township");
        assertEquals(exportOf("/api/v1/provinces/41/counties/" + Api.JIYUAN + "/townships/" + Territories.JIYUAN_TOWNSHIP
                + "/export"), downloaded(page));
        // The menu offers a viewer nothing of a county; another province's county is refused.
        assertThat(page.locator("[data-test='menu-/modules']")).hasCount(0);
        as("henan-viewer").get("/api/v1/provinces/41/counties/" + Api.ANJI).then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }

    /** The CSV export the page's button saves, as the browser saved it. */
    private static String downloaded(Page page) throws java.io.IOException {
        com.microsoft.playwright.Download file = page.waitForDownload(() -> page.locator("[data-test=export-csv]").click());
        return java.nio.file.Files.readString(file.path(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String exportOf(String path) {
        return as("henan-viewer").queryParam("format", "csv").get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void monthsWithoutFiguresShowAnEmptyStateNotBlankCharts() {
        Territories.seedTwoCounties();
        Page page = signedIn("henan-viewer", "/province");
        assertThat(page.locator("[data-test=province-title]")).containsText("41");
        // Months before the platform ran: no module has a figure.
        Locator from = page.locator("[data-test=period-from] input");
        from.fill("2020-01");
        from.press("Enter");
        Locator to = page.locator("[data-test=period-to] input");
        to.fill("2020-06");
        to.press("Enter");
        page.locator("[data-test=period-show]").click();
        assertThat(page.locator("[data-test=province-empty]")).isVisible();
        assertThat(page.locator("canvas")).hasCount(0);
        screenshot(page, "province-empty");
        as("henan-viewer").queryParam("from", "2020-01").queryParam("to", "2020-06").get("/api/v1/provinces/41/overview")
                .then().statusCode(200).body("from", equalTo("2020-01")).body("to", equalTo("2020-06"));
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aPublicNoticeRendersOnAPhoneWithoutSigningIn() {
        PointsFixture.seed(0);
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);

        Page page = open(375, 740);
        page.navigate(base() + "/#/public/" + Api.JIYUAN + "/" + Territories.JIYUAN_VILLAGE);
        assertThat(page.locator("[data-test=notice]").first()).isVisible();
        assertThat(page.locator("h1")).hasText("积分公示");
        // Headed by the names, not the codes.
        assertThat(page.locator("[data-test=notices-place]")).hasText("济源市 · 花石村");
        given().queryParam("place", Territories.JIYUAN_VILLAGE)
                .get("/api/v1/public/counties/" + Api.JIYUAN + "/points/disclosures/heading").then().statusCode(200)
                .body("countyName.zh", equalTo("济源市")).body("placeName.zh", equalTo("花石村"));
        // Another county knows no such place.
        given().queryParam("place", Territories.JIYUAN_VILLAGE)
                .get("/api/v1/public/counties/" + Api.ANJI + "/points/disclosures/heading").then().statusCode(200)
                .body("placeName", equalTo(null));
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertEquals(375, scrollWidth, "nothing wider than the phone");
        assertTrue(page.url().startsWith(base()), "no sign-in asked: " + page.url());
        screenshot(page, "public-notices-375");
        assertNoConsoleErrors(e -> false);
    }
}
