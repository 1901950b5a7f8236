package org.wangwu.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
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
}
