package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.disputes.DisputesFixture;
import org.wangwu.server.support.Api;

/** The mediator's pages: the workbench, and a case worked from the first session to the follow-up visit. */
@QuarkusTest
class MediatorPagesBrowserTest extends ConsoleBrowser {

    @Inject
    PlatformClock clock;

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void aMediatorWorksACaseFromTheWorkbenchToTheFollowUpVisit() throws Exception {
        DisputesFixture.twoCountiesWithDisputes();
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = county(Api.JIYUAN) + "/disputes/cases/" + id;
        String title = as("jiyuan-admin").get(path).then().statusCode(200).extract().path("title");

        Page page = signedIn("jiyuan-mediator", "/workbench");
        assertThat(page.locator("[data-test=cases-mine]")).containsText(title);
        screenshot(page, "workbench");
        page.locator("[data-test=cases-mine] a", new Page.LocatorOptions().setHasText(title)).click();
        assertThat(page.locator("[data-test=case-state]")).hasText("已指派");

        // A session scheduled, then recorded as held.
        page.locator("[data-test=session-place]").fill("花石村调解室");
        page.locator("[data-test=session-participants]").fill("张伟，刘某");
        page.locator("[data-test=schedule]").click();
        assertThat(page.locator("[data-test=case-state]")).hasText("调解中");
        as("jiyuan-mediator").get(path + "/sessions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].place", equalTo("花石村调解室"))
                .body("[0].participants", equalTo(List.of("张伟", "刘某")));
        page.locator("[data-test=minutes]").fill("双方同意修好排水槽。");
        page.locator("[data-test=record]").click();
        assertThat(page.locator("[data-test=sessions]")).containsText("双方同意修好排水槽。");
        as("jiyuan-mediator").get(path + "/sessions").then().statusCode(200)
                .body("[0].minutes", equalTo("双方同意修好排水槽。")).body("[0].heldAt", not(equalTo(null)));

        // The agreement, its text from the county's template, and its PDF.
        page.locator("[data-test=terms]").fill("刘某于本月底前修好院墙排水槽。");
        page.locator("[data-test=agree]").click();
        assertThat(page.locator("[data-test=agreement-text]")).containsText("刘某于本月底前修好院墙排水槽。");
        assertThat(page.locator("[data-test=case-state]")).hasText("已达成协议");
        Download pdf = page.waitForDownload(() -> page.locator("[data-test=agreement-pdf]").click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        screenshot(page, "case-agreed");

        // Judicial confirmation: applied for, then the court's decision.
        page.locator("[data-test=court]").fill("济源市人民法院");
        page.locator("[data-test=apply]").click();
        assertThat(page.locator("[data-test=case-state]")).hasText("司法确认中");
        page.locator("[data-test=confirmed]").click();
        assertThat(page.locator("[data-test=case-state]")).hasText("已司法确认");
        as("jiyuan-mediator").get(path).then().statusCode(200).body("state", equalTo("CONFIRMED"));

        // The follow-up visit before it is due: the API's refusal shows and nothing changes.
        page.locator("[data-test=follow-up-note]").fill("排水槽已修好");
        page.locator("[data-test=follow-up]").click();
        assertThat(page.locator("[data-test=case-error]")).isVisible();
        as("jiyuan-mediator").get(path).then().statusCode(200).body("state", equalTo("CONFIRMED"));

        // Once due, it is on the workbench and closes the loop.
        clock.advance(Duration.ofDays(31));
        page.navigate(base() + "/#/workbench");
        page.locator("[role=tab]", new Page.LocatorOptions().setHasText("待回访")).click();
        assertThat(page.locator("[data-test=cases-followUpsDue]")).containsText(title);
        page.locator("[data-test=cases-followUpsDue] a", new Page.LocatorOptions().setHasText(title)).click();
        // The note typed before is still in the form (its draft), and the visit is recorded.
        assertThat(page.locator("[data-test=follow-up-note]")).hasValue("排水槽已修好");
        page.locator("[data-test=follow-up]").click();
        assertThat(page.locator("[data-test=case-state]")).hasText("已结案");
        assertThat(page.locator("[data-test=timeline]")).containsText("回访结案");
        screenshot(page, "case-closed");

        List<String> steps = as("jiyuan-admin").get(path + "/history").then().statusCode(200).extract().path("action");
        assertEquals(List.of("received", "triaged", "assigned", "mediation-started", "agreed",
                "judicial-confirmation-applied", "judicially-confirmed", "closed"), steps);
        as("jiyuan-admin").get(path).then().statusCode(200).body("state", equalTo("CLOSED"));
        // The other county sees nothing of it.
        as("anji-admin").get(county(Api.ANJI) + "/disputes/cases/" + id).then().statusCode(404);
        as("anji-mediator").get(county(Api.ANJI) + "/disputes/workbench/mediator").then().statusCode(200)
                .body("mine.id", not(hasItem(id)));
        // The browser reports the refused early follow-up (409) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("409"));
        assertTrue(page.url().contains("/cases/" + id));
    }

    @Test
    void aMediatorAddsEvidenceToACaseAndRefersItOut() throws Exception {
        DisputesFixture.twoCountiesWithDisputes();
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = county(Api.JIYUAN) + "/disputes/cases/" + id;

        Page page = signedIn("jiyuan-mediator", "/cases/" + id);
        assertThat(page.locator("[data-test=case-state]")).hasText("已指派");
        Locator evidence = page.locator("[data-test=evidence-section]");
        assertThat(evidence.locator("[data-test=evidence]")).containsText("尚无证据材料");

        // Text named as a PDF: the API recognises a file by its content and refuses it at the field; nothing is kept.
        evidence.locator("[data-test=evidence-file]").setInputFiles(new FilePayload("协议草稿.pdf", "application/pdf",
                "这不是 PDF".getBytes(StandardCharsets.UTF_8)));
        evidence.locator("[data-test=evidence-upload]").click();
        assertThat(evidence.locator(".el-form-item__error")).hasText("文件类型须是 PDF、JPEG、PNG 之一（按文件内容识别，不看文件名）");
        as("jiyuan-mediator").get(path + "/attachments").then().statusCode(200).body("size()", equalTo(0));

        // A photo of the wall: its row names it, its type and size, who added it.
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        evidence.locator("[data-test=evidence-file]").setInputFiles(new FilePayload("院墙现场.png", "image/png", png));
        assertThat(evidence.locator("[data-test=evidence-picked]")).hasText("院墙现场.png");
        evidence.locator("[data-test=evidence-upload]").click();
        Locator row = evidence.locator("[data-test=evidence] .el-table__row", new Locator.LocatorOptions().setHasText("院墙现场.png"));
        assertThat(row).containsText("PNG");
        assertThat(row).containsText(png.length + " B");
        assertThat(row).containsText("jiyuan-mediator");
        assertThat(evidence.locator(".el-form-item__error")).hasCount(0);
        String attachment = as("jiyuan-mediator").get(path + "/attachments").then().statusCode(200)
                .body("fileName", equalTo(List.of("院墙现场.png"))).body("[0].contentType", equalTo("image/png"))
                .body("[0].sizeBytes", equalTo(png.length)).body("[0].uploadedBy", equalTo("jiyuan-mediator"))
                .extract().path("[0].id");
        // Its link downloads it with the bearer token: the same bytes, under its name.
        Download file = page.waitForDownload(() -> row.locator("[data-test=evidence-download-" + attachment + "]").click());
        assertEquals("院墙现场.png", file.suggestedFilename());
        assertArrayEquals(png, Files.readAllBytes(file.path()));
        as("jiyuan-mediator").get(path + "/attachments/" + attachment).then().statusCode(200).contentType("image/png");
        // Another county's mediator finds no such case, nor its file.
        as("anji-mediator").get(county(Api.ANJI) + "/disputes/cases/" + id + "/attachments/" + attachment).then().statusCode(404);
        as("anji-mediator").get(county(Api.ANJI) + "/disputes/cases/" + id + "/attachments").then().statusCode(404);

        // Referred out to litigation: the form gives way to the referral, and the case waits for its follow-up visit.
        Locator referral = page.locator("[data-test=referral-form]");
        referral.locator("[data-test=referral-to-LITIGATION]").click();
        referral.locator("[data-test=referral-body]").fill("济源市人民法院");
        referral.locator("[data-test=referral-reason]").fill("涉及宅基地权属认定，当事人选择诉讼。");
        referral.locator("[data-test=refer-out]").click();
        assertThat(page.locator("[data-test=case-state]")).hasText("已移送");
        assertThat(page.locator("[data-test=referral-shown-to]")).hasText("诉讼");
        assertThat(page.locator("[data-test=referral]")).containsText("济源市人民法院");
        assertThat(page.locator("[data-test=referral]")).containsText("涉及宅基地权属认定，当事人选择诉讼。");
        assertThat(referral).hasCount(0);
        assertThat(page.locator("[data-test=timeline]")).containsText("移送: 已指派 → 已移送");
        assertThat(page.locator("[data-test=timeline]")).containsText("诉讼 · 济源市人民法院");
        assertThat(row).isVisible();
        screenshot(page, "case-evidence-referred");

        as("jiyuan-mediator").get(path).then().statusCode(200).body("state", equalTo("REFERRED_OUT"))
                .body("nextStates", equalTo(List.of("CLOSED"))).body("followUpDueOn", not(equalTo(null)));
        as("jiyuan-admin").get(path + "/dossier").then().statusCode(200).body("referredOut.to", equalTo("LITIGATION"))
                .body("referredOut.body", equalTo("济源市人民法院")).body("referredOut.reason", equalTo("涉及宅基地权属认定，当事人选择诉讼。"));
        // Its follow-up visit, once due, asks nothing of an agreement (a referred case has none) and closes it.
        clock.advance(Duration.ofDays(31));
        page.reload();
        assertThat(page.locator("[data-test=case-state]")).hasText("已移送");
        // (The referral shows once the page has read the dossier: no read of it is still on its way.)
        assertThat(page.locator("[data-test=referral]")).containsText("济源市人民法院");
        assertThat(page.locator("[data-test=follow-up-form] [data-test=honoured]")).hasCount(0);
        page.locator("[data-test=follow-up-note]").fill("当事人已向法院起诉");
        // The page reads the case again, the dossier last: a closed case referred out has no agreement to ask for (a 404).
        page.waitForResponse(r -> r.url().endsWith("/disputes/cases/" + id + "/dossier"),
                () -> page.locator("[data-test=follow-up]").click());
        assertThat(page.locator("[data-test=case-state]")).hasText("已结案");
        assertThat(page.locator("[data-test=referral]")).containsText("济源市人民法院");
        assertThat(page.locator("[data-test=case-error]")).hasCount(0);
        screenshot(page, "case-referred-closed");
        as("jiyuan-admin").get(path + "/dossier").then().statusCode(200).body("summary.state", equalTo("CLOSED"))
                .body("followUp.agreementHonoured", equalTo(null)).body("followUp.satisfaction", equalTo(5));
        List<String> steps = as("jiyuan-admin").get(path + "/history").then().statusCode(200).extract().path("action");
        assertEquals(List.of("received", "triaged", "assigned", "referred-out", "closed"), steps);
        as("anji-admin").get(county(Api.ANJI) + "/disputes/cases/" + id).then().statusCode(404);
        // The browser reports the refused text file (422) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    @Test
    void theTownshipTriagesACaseAndAssignsItsMediatorFromTheOversightPage() {
        DisputesFixture.twoCountiesWithDisputes();
        String id = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("院墙纠纷"));
        String path = county(Api.JIYUAN) + "/disputes/cases/" + id;

        Page page = signedIn("jiyuan-township", "/oversight");
        Locator triage = page.locator("[data-test=triage-" + id + "]");
        // A category the county does not have: the API's message at the field, and the case stays as it was.
        triage.locator("[data-test=triage-category]").fill("天气");
        triage.locator("[data-test=triage-risk]").fill("low");
        triage.locator("[data-test=triage]").click();
        assertThat(triage.locator(".el-form-item.is-error")).hasCount(1);
        as("jiyuan-township").get(path).then().statusCode(200).body("state", equalTo("RECEIVED"));
        triage.locator("[data-test=triage-category]").fill("neighbours");
        triage.locator("[data-test=triage]").click();
        Locator assign = page.locator("[data-test=assign-" + id + "]");
        assign.locator("[data-test=assign-mediators]").fill("jiyuan-mediator");
        screenshot(page, "oversight");
        assign.locator("[data-test=assign]").click();
        assertThat(assign).hasCount(0);
        as("jiyuan-township").get(path).then().statusCode(200).body("state", equalTo("ASSIGNED"))
                .body("level", equalTo("VILLAGE")).body("mediators[0].username", equalTo("jiyuan-mediator"));
        as("jiyuan-mediator").get(county(Api.JIYUAN) + "/disputes/workbench/mediator").then().statusCode(200)
                .body("mine.id", hasItem(id));
        as("anji-admin").get(county(Api.ANJI) + "/disputes/workbench/oversight").then().statusCode(200)
                .body("unassigned.id", not(hasItem(id)));
        // The browser reports the refused first triage (422) itself; nothing else.
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    @Test
    void theTownshipFollowsACaseLinkAndChangesItsMediatorsWithoutAReadItMayNotMake() {
        DisputesFixture.twoCountiesWithDisputes();
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = county(Api.JIYUAN) + "/disputes/cases/" + id;
        // A second mediator of the village's committee, for the case to be given to.
        String second = "jiyuan-mediator-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        as("jiyuan-admin").body(java.util.Map.of("username", second, "firstName", "秀兰", "lastName", "李",
                        "roles", List.of("mediator"), "township", "419001100", "village", "419001100201",
                        "password", "Chushi#2026", "temporaryPassword", false))
                .post(county(Api.JIYUAN) + "/staff").then().statusCode(201);
        // The township official may not read the dossier: the page does not ask for the sessions, it says whose they are.
        as("jiyuan-township").get(path + "/sessions").then().statusCode(403);

        Page page = signedIn("jiyuan-township", "/cases/" + id);
        assertThat(page.locator("[data-test=case-state]")).hasText("已指派");
        assertThat(page.locator("[data-test=sessions-hidden]")).isVisible();
        assertThat(page.locator("[data-test=schedule-form]")).hasCount(0);
        Locator form = page.locator("[data-test=reassign-form]");
        // A township mediator for a village case: the API's refusal at the field, the mediators as they were.
        form.locator("[data-test=reassign-mediators]").fill("jiyuan-township-mediator");
        form.locator("[data-test=reassign]").click();
        assertThat(form.locator(".el-form-item.is-error")).hasCount(1);
        as("jiyuan-township").get(path).then().statusCode(200).body("mediators.username", equalTo(List.of("jiyuan-mediator")));
        form.locator("[data-test=reassign-mediators]").fill(second);
        form.locator("[data-test=reassign]").click();
        assertThat(page.locator(".el-descriptions")).containsText(second);
        screenshot(page, "case-township");
        as("jiyuan-township").get(path).then().statusCode(200).body("state", equalTo("ASSIGNED"))
                .body("mediators.username", equalTo(List.of(second)));
        as("jiyuan-mediator").get(county(Api.JIYUAN) + "/disputes/workbench/mediator").then().statusCode(200)
                .body("mine.id", not(hasItem(id)));
        as("anji-admin").get(county(Api.ANJI) + "/disputes/cases/" + id).then().statusCode(404);
        // No 403 from a read the page should not have made; only the refused assignment (422).
        assertNoConsoleErrors(e -> e.contains("422"));
    }

    @Test
    void aMediatorTakesInACaseFromTheIntakeForm() {
        DisputesFixture.twoCountiesWithDisputes();
        String title = "宅基地排水沟 " + java.util.UUID.randomUUID().toString().substring(0, 6);

        Page page = signedIn("jiyuan-mediator", "/intake");
        assertThat(page.locator("[data-test='menu-/intake']")).isVisible();
        // Without a title or the facts: the API's refusal at the fields, in the page's language, and nothing taken in.
        page.locator("[data-test=intake-party-0] [data-test=party-name]").fill("王建国");
        page.locator("[data-test=intake-submit]").click();
        Locator titleField = page.locator(".el-form-item", new Page.LocatorOptions().setHas(page.locator("[data-test=intake-title]")));
        assertThat(titleField.locator(".el-form-item__error")).hasText("不能为空");
        as("jiyuan-mediator").get(county(Api.JIYUAN) + "/disputes/cases?limit=100").then().statusCode(200)
                .body("items.title", not(hasItem(title)));

        page.locator("[data-test=intake-title]").fill(title);
        page.locator("[data-test=intake-facts]").fill("王某与张某因两家宅基地之间的排水沟归属发生争执。");
        page.locator("[data-test=intake-party-1] [data-test=party-name]").fill("张某");
        page.locator("[data-test=intake-party-1] [data-test=party-phone]").fill("13912345678");
        screenshot(page, "intake");
        page.locator("[data-test=intake-submit]").click();
        page.waitForURL(url -> url.contains("#/cases/"));
        assertThat(page.locator("[data-test=case-state]")).hasText("已受理");
        String id = page.url().substring(page.url().indexOf("#/cases/") + 8);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/disputes/cases/" + id).then().statusCode(200)
                .body("title", equalTo(title)).body("channel", equalTo("WALK_IN")).body("state", equalTo("RECEIVED"))
                .body("villageCode", equalTo("419001100201")).body("reportedBy", equalTo("jiyuan-mediator"));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/disputes/cases/" + id + "/dossier").then().statusCode(200)
                .body("parties.name", equalTo(List.of("王建国", "张某")));
        as("anji-admin").get(county(Api.ANJI) + "/disputes/cases/" + id).then().statusCode(404);
        // The browser reports the refused first try (400) itself; nothing else (no read of a dossier it may not see).
        assertNoConsoleErrors(e -> e.contains("400"));
    }

    @Test
    void theIntakeFormIsWhollyEnglishOnTheSwitch() {
        DisputesFixture.twoCountiesWithDisputes();
        Page page = signedIn("jiyuan-mediator", "/intake");
        page.locator("[data-test=locale]").click();
        page.locator(".el-select-dropdown__item", new Page.LocatorOptions().setHasText("English")).click();
        assertThat(page.locator(".el-card__header")).hasText("Take in a dispute");
        page.locator("[data-test=intake-submit]").click();
        Locator titleField = page.locator(".el-form-item", new Page.LocatorOptions().setHas(page.locator("[data-test=intake-title]")));
        assertThat(titleField.locator(".el-form-item__error")).hasText("must not be blank");
        // Every word of the console is English: a key missing in en.json would fall back to Chinese. (The language
        // switch's own list, which names 中文 in Chinese, opens outside the console's frame.)
        String text = (String) page.evaluate("document.querySelector('.shell').innerText");
        assertTrue(text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "Chinese on the English page: " + text);
        screenshot(page, "intake-english");
        assertNoConsoleErrors(e -> e.contains("400"));
    }
}
