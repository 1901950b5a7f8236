package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.Tokens;

/**
 * The county's own pages: the points review queue, the register import, the audit trail, staff accounts and
 * apps, webhooks. Each scenario drives a page and asserts what the API then answers, and what the other county
 * cannot see.
 */
@QuarkusTest
class CountyPagesBrowserTest extends ConsoleBrowser {

    private static final String AWARDS = county(Api.JIYUAN) + "/points/awards";

    @Test
    void aCadreApprovesOneAwardAndRejectsAnotherOnTheReviewQueue() {
        PointsFixture.seed(7);
        String approved = PointsFixture.record("jiyuan-grid", "RECORD-REVIEWED",
                PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE)).then().statusCode(201).extract().path("id");
        String rejected = PointsFixture.record("jiyuan-grid", "RECORD-REVIEWED",
                PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE)).then().statusCode(201).extract().path("id");

        Page page = signedIn("jiyuan-cadre", "/review");
        assertThat(page.locator("[data-test=approve-" + approved + "]")).isVisible();
        screenshot(page, "review-queue");
        page.locator("[data-test=approve-" + approved + "]").click();
        assertThat(page.locator("[data-test=approve-" + approved + "]")).hasCount(0);
        page.locator("[data-test=reject-" + rejected + "]").click();
        page.locator(".el-message-box input").fill("证明材料不足");
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(page.locator("[data-test=reject-" + rejected + "]")).hasCount(0);
        assertThat(page.locator("[data-test=on-notice]")).containsText("测试项目 RECORD-REVIEWED");
        screenshot(page, "review-after");

        as("jiyuan-cadre").get(AWARDS + "/" + approved).then().statusCode(200).body("status", equalTo("DISCLOSED"))
                .body("reviewedBy", equalTo("jiyuan-cadre"));
        as("jiyuan-cadre").get(AWARDS + "/" + rejected).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("reviewReason", equalTo("证明材料不足"));
        // The public notice shows the approved award only; the other county knows neither.
        given().queryParam("place", Territories.JIYUAN_VILLAGE).queryParam("limit", 200)
                .get("/api/v1/public/counties/" + Api.JIYUAN + "/points/disclosures").then().statusCode(200)
                .body("items.id", hasItem(approved)).body("items.id", not(hasItem(rejected)));
        as("anji-admin").get(county(Api.ANJI) + "/points/awards/" + approved).then().statusCode(404);
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void aRegisterImportWithABadRowShowsEachRowsErrorAndChangesNothingUntilFixed() throws Exception {
        Territories.seedTwoCounties();
        String number = "C" + UUID.randomUUID().toString().substring(0, 6);
        String households = county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/households";
        long before = countOf(households);
        Path csv = Files.createTempFile("households", ".csv");
        Files.writeString(csv, "village_code,number,group_code,address\n"
                + Territories.JIYUAN_VILLAGE + "," + number + ",01,花石村8号\n"
                + "419001100299," + number + "B,,不存在的村\n", StandardCharsets.UTF_8);

        Page page = signedIn("jiyuan-admin", "/registers");
        page.locator("[data-test=csv-file]").setInputFiles(csv);
        assertThat(page.locator("[data-test=csv]")).hasValue(java.util.regex.Pattern.compile(".*花石村8号.*", java.util.regex.Pattern.DOTALL));
        page.locator("[data-test=import]").click();
        Locator errors = page.locator("[data-test=row-errors]");
        // The second data row names a village the county does not have: its row, its field, the API's message.
        assertThat(errors.locator("tbody tr")).hasCount(1);
        assertThat(errors.locator("tbody tr td").nth(0)).hasText("2");
        assertThat(errors.locator("tbody tr td").nth(1)).hasText("village_code");
        assertThat(errors).containsText("419001100299");
        screenshot(page, "registers-row-errors");
        assertEquals(before, countOf(households), "a file with a bad row changes nothing");

        // The bad row taken out, the file imports.
        Locator text = page.locator("[data-test=csv]");
        text.fill("village_code,number,group_code,address\n" + Territories.JIYUAN_VILLAGE + "," + number + ",01,花石村8号\n");
        page.locator("[data-test=import]").click();
        assertThat(errors).hasCount(0);
        assertThat(page.locator(".el-message--success")).isVisible();
        assertEquals(before + 1, countOf(households));
        // The other county: refused at its gate with Jiyuan's path.
        as("anji-admin").get(households).then().statusCode(403);
        // The browser reports the refused import (422) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    private static long countOf(String households) {
        List<Object> items = as("jiyuan-admin").queryParam("limit", 200).get(households).then().statusCode(200)
                .extract().path("items");
        return items.size();
    }

    @Test
    void theAuditTrailVerifiesItsChainAndNamesAnAlteredRecord() {
        Territories.seedTwoCounties();
        as("linzhou-admin").body(Map.of("enabled", true)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");
        as("linzhou-admin").body(Map.of("enabled", false)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");

        Page page = signedIn("linzhou-admin", "/audit");
        assertThat(page.locator("[data-test=audit]")).containsText("module.enabled");
        page.locator("[data-test=verify]").click();
        assertThat(page.locator("[data-test=verification]")).hasClass(java.util.regex.Pattern.compile("el-alert--success"));
        screenshot(page, "audit-intact");

        long victim = Database.count("select max(seq) from audit_record where tenant_id = '" + Api.LINZHOU
                + "' and action = 'module.enabled'");
        Database.update("update audit_record set actor = 'someone-else' where tenant_id = '" + Api.LINZHOU
                + "' and seq = " + victim);
        try {
            page.locator("[data-test=verify]").click();
            assertThat(page.locator("[data-test=verification]")).hasClass(java.util.regex.Pattern.compile("el-alert--error"));
            assertThat(page.locator("[data-test=verification]")).containsText(String.valueOf(victim));
            screenshot(page, "audit-broken");
            as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBroken.seq", equalTo((int) victim));
        } finally {
            Database.update("update audit_record set actor = 'linzhou-admin' where tenant_id = '" + Api.LINZHOU
                    + "' and seq = " + victim);
        }
        as("jiyuan-admin").get(county(Api.LINZHOU) + "/audit/records").then().statusCode(403);
        assertNoConsoleErrors(e -> false);
    }

    @Test
    void anAdministratorCreatesAStaffAccountRegistersAnAppSeesItsSecretOnceAndRevokesIt() {
        PointsFixture.seed(0);
        String username = "jiyuan-cadre-" + UUID.randomUUID().toString().substring(0, 6);
        String appName = "浏览器测试应用 " + UUID.randomUUID().toString().substring(0, 6);

        Page page = signedIn("jiyuan-admin", "/staff");
        page.locator("[data-test=new-username]").fill(username);
        page.locator("[data-test=new-last-name]").fill("王");
        page.locator("[data-test=new-first-name]").fill("小明");
        page.locator("[data-test=role-village-cadre]").click();
        page.locator("[data-test=new-township]").fill(Territories.JIYUAN_TOWNSHIP);
        page.locator("[data-test=new-village]").fill(Territories.JIYUAN_VILLAGE);
        page.locator("[data-test=new-password]").fill("short");
        page.locator("[data-test=create-staff]").click();
        // The API's own rule, at the field; nothing created.
        assertThat(page.locator("[data-test=new-staff] .el-form-item.is-error")).hasCount(1);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/staff/" + username).then().statusCode(404);
        page.locator("[data-test=new-password]").fill("Anfang-2026!");
        page.locator("[data-test=create-staff]").click();
        assertThat(page.locator("[data-test=staff]")).containsText(username);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/staff/" + username).then().statusCode(200)
                .body("roles", equalTo(List.of("village-cadre"))).body("village", equalTo(Territories.JIYUAN_VILLAGE))
                .body("passwordChangeRequired", equalTo(true));

        page.locator("[data-test=app-name]").fill(appName);
        page.locator("[data-test=app-email]").fill("dev@example.com");
        page.locator("[data-test=app-module-points]").click();
        page.locator("[data-test=register-app]").click();
        assertThat(page.locator("[data-test=app-secret]")).isVisible();
        String secret = page.locator("[data-test=secret-value]").innerText().trim();
        String clientId = as("jiyuan-admin").get(county(Api.JIYUAN) + "/apps").then().statusCode(200)
                .extract().path("find { it.name == '" + appName + "' }.clientId");
        screenshot(page, "staff-and-apps");
        // The secret shown is the app's: Keycloak gives it a token, which reads the county's points.
        String token = Tokens.clientGrant(clientId, secret).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(200);
        // Shown once: the list never carries it.
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/apps").then().statusCode(200)
                .body("find { it.clientId == '" + clientId + "' }.clientSecret", equalTo(null));
        page.reload();
        assertThat(page.locator("[data-test=app-secret]")).hasCount(0);

        page.locator("[data-test=revoke-" + clientId + "]").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(page.locator("[data-test=app-status-" + clientId + "]")).hasText("已吊销");
        given().auth().oauth2(token).get(county(Api.JIYUAN) + "/points/rules").then().statusCode(401);
        as("anji-admin").get(county(Api.ANJI) + "/staff/" + username).then().statusCode(404);
        // The browser reports the refused first try (400 or 422) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("400") || e.contains("422"));
    }

    @Test
    void anAdministratorChangesAStaffMembersRolesAfterCreation() {
        PointsFixture.seed(0);
        String username = "jiyuan-cadre-" + UUID.randomUUID().toString().substring(0, 6);
        as("jiyuan-admin").body(java.util.Map.of("username", username, "firstName", "秀英", "lastName", "李",
                        "roles", List.of("village-cadre"), "township", Territories.JIYUAN_TOWNSHIP, "village", Territories.JIYUAN_VILLAGE,
                        "password", "Anfang-2026!", "temporaryPassword", true))
                .post(county(Api.JIYUAN) + "/staff").then().statusCode(201);

        Page page = signedIn("jiyuan-admin", "/staff");
        page.locator("[data-test=access-" + username + "]").click();
        Locator form = page.locator("[data-test=access-form]");
        // A reach the county's register does not have: the API's refusal at the field, the account as it was.
        form.locator("[data-test=access-village]").fill("419001100299");
        form.locator("[data-test=save-access]").click();
        assertThat(form.locator(".el-form-item.is-error")).hasCount(1);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/staff/" + username).then().statusCode(200)
                .body("roles", equalTo(List.of("village-cadre"))).body("village", equalTo(Territories.JIYUAN_VILLAGE));
        form.locator("[data-test=access-village]").fill(Territories.JIYUAN_VILLAGE);
        form.locator("[data-test=access-role-mediator]").click();
        screenshot(page, "staff-access");
        form.locator("[data-test=save-access]").click();
        Locator row = page.locator("[data-test=staff] tbody tr", new Page.LocatorOptions().setHasText(username));
        assertThat(row).containsText("调解员");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/staff/" + username).then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.containsInAnyOrder("village-cadre", "mediator"));
        as("anji-admin").get(county(Api.ANJI) + "/staff/" + username).then().statusCode(404);
        assertNoConsoleErrors(e -> e.contains("400") || e.contains("422"));
    }

    @Test
    void anAdministratorAddsAPointsRuleInTheCataloguesFormEditor() {
        PointsFixture.seed(0);
        String settings = county(Api.JIYUAN) + "/modules/points/settings";
        io.restassured.path.json.JsonPath before = as("jiyuan-admin").get(settings).then().statusCode(200).extract().jsonPath();
        int rulesBefore = before.getList("values.rules").size();
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try {
            Page page = signedIn("jiyuan-admin", "/modules/points");
            // Choices read by their labels, a text's limit as a length, allowed file types ticked from their labels.
            assertThat(page.locator("[data-test=setting-accountHolder] .hint")).containsText("默认值: 按户（一户一个账户）");
            assertThat(page.locator("[data-test=setting-nameDisplay] .hint")).containsText("默认值: 姓加星号（王*）");
            assertThat(page.locator("[data-test=setting-expiryDate] .hint")).containsText("最多 5 个字");
            Locator types = page.locator("[data-test=setting-evidenceTypes] .el-checkbox");
            assertThat(types).hasText(new String[] {"JPEG 照片", "PNG 图片", "PDF 文件"});
            assertThat(page.locator("[data-test=setting-evidenceTypes] .el-checkbox.is-checked"))
                    .hasCount(before.getList("values.evidenceTypes").size());
            page.locator("[data-test=setting-expiryPolicy] .el-select").click();
            assertThat(page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText("获得后满一定月数清零")))
                    .isVisible();
            page.keyboard().press("Escape");
            Locator catalogue = page.locator("[data-test=setting-rules]");
            assertThat(catalogue.locator("[data-test=rule-catalogue] tbody tr")).hasCount(rulesBefore);
            catalogue.locator("[data-test=add-rule]").click();
            Locator added = catalogue.locator("[data-test=rule-catalogue] tbody tr").last();
            // A code the catalogue does not allow: the API's message at the catalogue, nothing saved.
            added.locator("[data-test=rule-code]").fill("x");
            added.locator("[data-test=rule-item]").fill("清扫村道积雪（每次）");
            page.locator("[data-test=save]").click();
            assertThat(catalogue.locator(".el-form-item__error")).containsText("rule " + rulesBefore);
            // The rule the API named is the row marked, and only it.
            assertThat(catalogue.locator("[data-test=rule-catalogue] tbody tr.bad-rule")).hasCount(1);
            assertThat(added).hasClass(java.util.regex.Pattern.compile("bad-rule"));
            as("jiyuan-admin").get(settings).then().statusCode(200).body("revision", equalTo(before.getInt("revision")));
            added.locator("[data-test=rule-code]").fill(code);
            added.locator("[data-test=rule-points] input").fill("3");
            added.locator("[data-test=rule-points] input").blur();
            // The whole rule fits the form at 1280 px: nothing of it is hidden off to the side.
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, catalogue.locator(".el-table__body-wrapper .el-scrollbar__wrap")
                    .evaluate("w => w.scrollWidth <= w.clientWidth"), "the catalogue scrolls sideways");
            screenshot(page, "rule-catalogue");
            page.locator("[data-test=save]").click();
            assertThat(page.locator(".el-message--success")).isVisible();
            as("jiyuan-admin").get(settings).then().statusCode(200)
                    .body("values.rules.size()", equalTo(rulesBefore + 1))
                    .body("values.rules.find { it.code == '" + code + "' }.item", equalTo("清扫村道积雪（每次）"))
                    .body("values.rules.find { it.code == '" + code + "' }.points", equalTo(3))
                    .body("values.rules.find { it.code == '" + code + "' }.recordedBy", equalTo(List.of("village-cadre")))
                    .body("values.evidenceTypes", equalTo(before.getList("values.evidenceTypes")))
                    .body("values.accountHolder", equalTo(before.getString("values.accountHolder")));
            as("jiyuan-admin").get(county(Api.JIYUAN) + "/points/rules").then().statusCode(200).body("code", hasItem(code));
            as("anji-admin").get(county(Api.ANJI) + "/points/rules").then().statusCode(200).body("code", not(hasItem(code)));
            assertNoConsoleErrors(e -> e.contains("422"));
        } finally {
            // The county's catalogue as the other tests know it.
            int revision = as("jiyuan-admin").get(settings).then().statusCode(200).extract().path("revision");
            as("jiyuan-admin").body(Map.of("revision", revision, "values", before.getMap("values")))
                    .put(settings).then().statusCode(200);
        }
    }

    @Test
    void anAdministratorMapsAnEventToAPointsRuleInTheEventRulesEditor() {
        PointsFixture.seed(0);
        String settings = county(Api.JIYUAN) + "/modules/points/settings";
        String anjiSettings = county(Api.ANJI) + "/modules/points/settings";
        io.restassured.path.json.JsonPath anjiBefore = as("anji-admin").get(anjiSettings).then().statusCode(200).extract().jsonPath();
        io.restassured.path.json.JsonPath before = as("jiyuan-admin").get(settings).then().statusCode(200).extract().jsonPath();
        try {
            // The saved map holds an event type the module does not consume (one a module no longer publishes).
            Map<String, Object> values = new java.util.LinkedHashMap<>(before.getMap("values"));
            values.put("eventRules", Map.of("customs.wedding-verified", "WEDDING", "harvest.festival-held", "CAPPED"));
            PointsFixture.settings("jiyuan-admin", Api.JIYUAN, values);

            Page page = signedIn("jiyuan-admin", "/modules/points");
            Locator rows = page.locator("[data-test=setting-eventRules] [data-test=event-rules] tbody tr");
            // A row for each event the module consumes, by its name, then the key it does not consume, as such.
            assertThat(rows.locator("[data-test=event-name]"))
                    .hasText(new String[] {"婚事新办已核查", "丧事简办已核查", "红白事超标（扣分）", "矛盾纠纷已化解"});
            assertThat(rows).hasCount(5);
            Locator wedding = rows.filter(new Locator.FilterOptions().setHasText("customs.wedding-verified"));
            Locator funeral = rows.filter(new Locator.FilterOptions().setHasText("customs.funeral-verified"));
            Locator other = rows.filter(new Locator.FilterOptions().setHasText("harvest.festival-held"));
            assertThat(wedding.locator("[data-test=event-rule]")).containsText("WEDDING");
            assertThat(funeral.locator("[data-test=event-rule]")).containsText("不计分");
            assertThat(other.locator("[data-test=not-consumed]")).hasText("本模块不处理此事件");
            assertThat(other.locator("[data-test=event-rule]")).containsText("CAPPED");
            // The funeral earns a rule of the county's catalogue, picked by its code and item; the wedding nothing.
            funeral.locator("[data-test=event-rule]").click();
            Locator choices = page.locator(".el-select-dropdown__item:visible");
            assertThat(choices).hasCount(1 + before.getList("values.rules").size());
            assertThat(choices.first()).hasText("不计分");
            choices.filter(new Locator.FilterOptions().setHasText("RECORD-REVIEWED · 测试项目 RECORD-REVIEWED")).click();
            assertThat(funeral.locator("[data-test=event-rule]")).containsText("RECORD-REVIEWED");
            assertThat(choices).hasCount(0);
            wedding.locator("[data-test=event-rule]").click();
            page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("不计分")).click();
            assertThat(wedding.locator("[data-test=event-rule]")).containsText("不计分");
            screenshot(page, "event-rules");
            page.locator("[data-test=save]").click();
            assertThat(page.locator(".el-message--success")).isVisible();

            as("jiyuan-admin").get(settings).then().statusCode(200)
                    .body("values.eventRules", equalTo(Map.of("customs.funeral-verified", "RECORD-REVIEWED",
                            "harvest.festival-held", "CAPPED")))
                    .body("values.rules", equalTo(before.getList("values.rules")))
                    .body("values.accountHolder", equalTo(before.getString("values.accountHolder")));
            as("anji-admin").get(anjiSettings).then().statusCode(200)
                    .body("revision", equalTo(anjiBefore.getInt("revision")))
                    .body("values.eventRules", equalTo(anjiBefore.getMap("values.eventRules")));
            assertNoConsoleErrors(e -> false);
        } finally {
            // The county's settings as the other tests know them.
            int revision = as("jiyuan-admin").get(settings).then().statusCode(200).extract().path("revision");
            as("jiyuan-admin").body(Map.of("revision", revision, "values", before.getMap("values")))
                    .put(settings).then().statusCode(200);
        }
    }

    @Test
    void anAdministratorSubscribesAWebhookAndSeesItsDeliveries() throws Exception {
        Territories.seedTwoCounties();
        as("anji-admin").body(Map.of("enabled", true)).put(county(Api.ANJI) + "/modules/noticeboard/status")
                .then().statusCode(200);
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + UUID.randomUUID();
            Page page = signedIn("anji-admin", "/webhooks");
            page.locator("[data-test=webhook-url]").fill(url);
            page.locator("[data-test=webhook-events]").fill("noticeboard.notice-posted");
            page.locator("[data-test=subscribe]").click();
            assertThat(page.locator("[data-test=webhook-secret]")).isVisible();
            assertThat(page.locator("[data-test=subscriptions]")).containsText(url);
            String id = as("anji-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(200)
                    .extract().path("find { it.url == '" + url + "' }.id");

            as("anji-admin").body(Map.of("title", "停水通知", "body", "周三上午停水"))
                    .post(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(201);
            awaitDelivered(id);
            page.locator("[data-test=subscriptions] tr", new Page.LocatorOptions().setHasText(url)).click();
            assertThat(page.locator("[data-test=deliveries]")).containsText("已送达");
            assertThat(page.locator("[data-test=deliveries]")).containsText("noticeboard.notice-posted");
            screenshot(page, "webhooks-deliveries");
            assertEquals(1, received.get());
            as("jiyuan-admin").get(county(Api.JIYUAN) + "/webhooks/" + id + "/deliveries").then().statusCode(404);
        } finally {
            receiver.stop(0);
        }
        assertNoConsoleErrors(e -> false);
    }

    /** Waits (bounded) for the platform's dispatcher, which delivers in the background. */
    private static void awaitDelivered(String subscription) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            List<String> statuses = as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + subscription + "/deliveries")
                    .then().statusCode(200).extract().path("items.status");
            if (statuses.contains("DELIVERED")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the delivery never arrived");
    }
}
