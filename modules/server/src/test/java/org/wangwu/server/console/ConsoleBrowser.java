package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
import org.junit.jupiter.api.TestInfo;
import org.wangwu.local.KeycloakServer;
import org.wangwu.server.support.Tokens;
import org.wangwu.server.support.WangwuTestEnvironment;

/**
 * What every browser test of the web console (modules/console) stands on: a real Chromium against the running
 * test platform, signed in through the test Keycloak's own login page (authorization code with PKCE), the page's
 * console watched for errors, screenshots in target/screenshots/. The browser is Debian's chromium, which the
 * build installs when it is missing (src/test/browser/install-chromium).
 */
abstract class ConsoleBrowser {


    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("wangwu.chromium", "/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();
    final List<String> consoleLog = new ArrayList<>();

    private static volatile boolean redirectAllowed;

    /** The browser's time zone where a scenario sets one (a viewer west of UTC sees days as the county does). */
    String timezone;

    @BeforeAll
    static void launch() {
        allowConsoleRedirect();
        // A page waits for the API, and the API for Keycloak (creating an account takes seconds on a busy machine):
        // an assertion waits as long as an action does before it fails.
        PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    /**
     * The realm's console client lists the run command's and the default test port's addresses; a run on another
     * test port (several engineers at once) adds its own address to the client of the test Keycloak, once.
     */
    private static synchronized void allowConsoleRedirect() {
        if (redirectAllowed) {
            return;
        }
        String admin = keycloakAdminToken();
        String clients = realmAdmin() + "/clients";
        Map<String, Object> client = given().auth().oauth2(admin).queryParam("clientId", "wangwu-console")
                .get(clients).then().statusCode(200).extract().path("[0]");
        String address = base() + "/*";
        @SuppressWarnings("unchecked")
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        if (!redirects.contains(address)) {
            redirects.add(address);
            client.put("redirectUris", redirects);
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
            attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + address);
            given().auth().oauth2(admin).contentType("application/json").body(client)
                    .put(clients + "/" + client.get("id")).then().statusCode(204);
        }
        redirectAllowed = true;
    }

    private static String realmAdmin() {
        return WangwuTestEnvironment.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    }

    /** The test Keycloak's own administrator (its bootstrap account), for what no platform API does. */
    private static String keycloakAdminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(WangwuTestEnvironment.keycloak().baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Ends every Keycloak session of a user, as an expired or revoked session would: refresh tokens stop working. */
    static void endSessions(String username) {
        String admin = keycloakAdminToken();
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(realmAdmin() + "/users").then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(admin).post(realmAdmin() + "/users/" + id + "/logout").then().statusCode(204);
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

    static String base() {
        return "http://127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    Page open(int width, int height) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN");
        if (timezone != null) {
            options.setTimezoneId(timezone);
        }
        context = browser.newContext(options);
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
    Page signedIn(String username, String route) {
        Page page = open(1280, 860);
        page.navigate(base() + "/#" + route);
        return logIn(page, username, route);
    }

    /** Keycloak's login form, which the console has sent the browser to, filled in; back on the console's route. */
    Page logIn(Page page, String username, String route) {
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

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** No console errors but those the scenario expects (the API's refusal the page shows). */
    void assertNoConsoleErrors(Predicate<String> expected) {
        List<String> unexpected = consoleErrors.stream().filter(expected.negate()).toList();
        assertTrue(unexpected.isEmpty(), "console errors: " + unexpected);
    }
}
