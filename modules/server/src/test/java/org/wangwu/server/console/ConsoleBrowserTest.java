package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.Tokens;

/**
 * The web console (modules/console) in a real Chromium against the running test platform, signed in through
 * the test Keycloak's own login page (authorization code with PKCE). Screenshots go to target/screenshots/.
 * The browser is Debian's chromium, which the build installs when it is missing (src/test/browser/install-chromium).
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("wangwu.chromium", "/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> consoleLog = new ArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The page as the test left it, and everything its console said, for review (and for a failure's reason). */
    @AfterEach
    void closeContext(TestInfo test) throws java.io.IOException {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        java.nio.file.Files.createDirectories(SCREENSHOTS);
        java.nio.file.Files.write(SCREENSHOTS.resolve(name + ".console.log"), consoleLog);
        if (page != null) {
            try {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".last.png")).setTimeout(15_000));
                java.nio.file.Files.writeString(SCREENSHOTS.resolve(name + ".last.html"), page.url() + "\n" + page.content());
            } catch (RuntimeException e) {
                java.nio.file.Files.writeString(SCREENSHOTS.resolve(name + ".last.html"), "unavailable: " + e);
            }
        }
        if (context != null) {
            context.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private Page open(int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
        page = context.newPage();
        page.setDefaultTimeout(45_000);
        page.onConsoleMessage(m -> {
            consoleLog.add(m.type() + ": " + m.text());
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(e -> {
            consoleErrors.add("page error: " + e);
            consoleLog.add("page error: " + e);
        });
        page.onFrameNavigated(f -> consoleLog.add("navigated: " + f.url()));
        return page;
    }

    /** Opens a console page; the console sends the browser to Keycloak's login form, which sends it back. */
    private Page signedIn(String username, String route) {
        Page page = open(1280, 860);
        page.navigate(base() + "/#" + route);
        page.waitForURL(url -> url.contains("/realms/wangwu/"));
        page.fill("#username", username);
        // The realm has organizations on: Keycloak asks for the username first, then the password.
        if (!page.locator("#password").isVisible()) {
            page.click("#kc-login");
        }
        page.fill("#password", Tokens.DEMO_PASSWORD);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(base()) && url.contains("#" + route));
        assertThat(page.locator("[data-test=who]")).containsText(username);
        return page;
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** No console errors but those the scenario expects (the API's refusal the page shows). */
    private void assertNoConsoleErrors(Predicate<String> expected) {
        List<String> unexpected = consoleErrors.stream().filter(expected.negate()).toList();
        assertTrue(unexpected.isEmpty(), "console errors: " + unexpected);
    }

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
        assertThat(field.locator(".el-form-item__error")).hasText(apiMessage);
        screenshot(page, "settings-bad-value");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings").then().statusCode(200)
                .body("revision", equalTo(revision));
        // The browser reports the refused request itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
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
        screenshot(page, "redeem-after");

        as("jiyuan-admin").get(county(Api.JIYUAN) + "/points/accounts/" + account).then().statusCode(200)
                .body("balance", equalTo(23));
        as("jiyuan-clerk").get(markets + "/" + market + "/redemptions").then().statusCode(200)
                .body("items.size()", equalTo(1));
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aProvincialViewerSeesChartsOfTheirProvinceOnly() {
        Territories.seedTwoCounties();
        Page page = signedIn("henan-viewer", "/province");
        assertThat(page.locator("[data-test=province-title]")).containsText("41");
        assertThat(page.locator("[data-test=county-" + Api.JIYUAN + "]")).isVisible();
        assertThat(page.locator("[data-test=county-" + Api.LINZHOU + "]")).isVisible();
        assertThat(page.locator("[data-test=county-" + Api.ANJI + "]")).hasCount(0);
        assertThat(page.locator("canvas").first()).isVisible();
        assertTrue(page.locator("canvas").count() >= 2, "charts drawn");
        screenshot(page, "province");
        page.locator("[data-test=county-" + Api.JIYUAN + "]").click();
        assertThat(page.locator("[data-test=drill]")).containsText(Api.JIYUAN);
        screenshot(page, "province-county");
        // The menu offers a viewer nothing of a county.
        assertThat(page.locator("[data-test='menu-/modules']")).hasCount(0);
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
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertEquals(375, scrollWidth, "nothing wider than the phone");
        assertTrue(page.url().startsWith(base()), "no sign-in asked: " + page.url());
        screenshot(page, "public-notices-375");
        assertNoConsoleErrors(e -> false);
    }
}
