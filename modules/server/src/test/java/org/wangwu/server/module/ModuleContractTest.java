package org.wangwu.server.module;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.module.FactRecount;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.noticeboard.NoticeBoardModule;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.Database;

/**
 * The module contract, proven with the notice board module of the test sources: listing, switching
 * per county at run time, validated and versioned settings with history and audit, jobs run and
 * listed by the platform, events delivered only by declared type and only where the module is on,
 * daily facts that commit and roll back with their change, the recount and the demo seed.
 */
@QuarkusTest
class ModuleContractTest {

    private static final String BOARD = "/modules/noticeboard";

    @Inject
    PlatformClock clock;

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleRegistry registry;

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @BeforeEach
    void counties() {
        Counties.onboardDemoCounties();
    }

    @Test
    void administratorsSeeTheDescriptorOfEveryModule() {
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules").then().statusCode(200)
                .body("key", hasItem("noticeboard"));
        as("jiyuan-admin").get(county(Api.JIYUAN) + BOARD).then().statusCode(200)
                .body("descriptor.name.zh", equalTo("村务公告栏"))
                .body("descriptor.name.en", equalTo("Notice board"))
                .body("descriptor.settings.key", hasItem("maxLength"))
                .body("descriptor.scopes", equalTo(List.of("module:noticeboard")))
                .body("descriptor.publishes.type", hasItem("noticeboard.notice-posted"))
                .body("descriptor.statistics.key", hasItem("notices-posted"));
    }

    /** A county office reads each allowed value of a choice by its label, in Chinese and English, in every module. */
    @Test
    void everyChoiceOfEveryModulesSettingsHasItsLabelInBothLanguages() {
        List<String> modules = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules").then().statusCode(200)
                .extract().path("key");
        int labelled = 0;
        for (String module : modules) {
            List<Map<String, Object>> settings = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/" + module)
                    .then().statusCode(200).extract().path("descriptor.settings");
            for (Map<String, Object> setting : settings) {
                @SuppressWarnings("unchecked")
                List<String> options = (List<String>) setting.get("options");
                if (options == null) {
                    Assertions.assertNull(setting.get("choices"), module + "." + setting.get("key"));
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> choices = (List<Map<String, Object>>) setting.get("choices");
                Assertions.assertEquals(options, choices.stream().map(c -> c.get("value")).toList(),
                        module + "." + setting.get("key"));
                for (Map<String, Object> choice : choices) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> label = (Map<String, String>) choice.get("label");
                    Assertions.assertFalse(label.get("zh").isBlank() || label.get("en").isBlank(),
                            module + "." + setting.get("key") + " " + choice);
                    labelled++;
                }
            }
        }
        Assertions.assertTrue(modules.containsAll(List.of("points", "consultation", "customs", "disputes")), modules.toString());
        Assertions.assertTrue(labelled >= 20, "labelled choices: " + labelled);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/points").then()
                .body("descriptor.settings.find { it.key == 'accountHolder' }.choices.find { it.value == 'HOUSEHOLD' }.label.zh",
                        equalTo("按户（一户一个账户）"));
    }

    @Test
    void aModuleSwitchedOffAnswers404ForThatCountyOnlyAtOnce() {
        switchBoard("linzhou-admin", Api.LINZHOU, true);
        switchBoard("anji-admin", Api.ANJI, true);
        as("linzhou-admin").get(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(200);

        switchBoard("linzhou-admin", Api.LINZHOU, false);
        as("linzhou-admin").get(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("module-not-enabled"));
        as("anji-admin").get(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(200);

        switchBoard("linzhou-admin", Api.LINZHOU, true);
        as("linzhou-admin").get(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(200);
    }

    @Test
    void onlyAnAdministratorSwitchesModules() {
        as("jiyuan-cadre").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + BOARD + "/status").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void settingsAreValidatedVersionedAuditedAndApplied() {
        switchBoard("anji-admin", Api.ANJI, true);
        int revision = as("anji-admin").get(county(Api.ANJI) + BOARD + "/settings").then().statusCode(200)
                .body("values.maxLength", equalTo(200)).extract().path("revision");

        as("anji-admin").body(Map.of("revision", revision, "values", Map.of("maxLength", 5, "audience", "world",
                        "colour", "red")))
                .put(county(Api.ANJI) + BOARD + "/settings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("values.audience", "values.colour", "values.maxLength")));

        as("anji-admin").body(Map.of("revision", revision, "values", Map.of("maxLength", 20)))
                .put(county(Api.ANJI) + BOARD + "/settings").then().statusCode(200)
                .body("revision", equalTo(revision + 1)).body("values.maxLength", equalTo(20))
                .body("values.audience", equalTo("village"));
        // Saving again from the old revision would overwrite someone's change: refused.
        as("anji-admin").body(Map.of("revision", revision, "values", Map.of("maxLength", 30)))
                .put(county(Api.ANJI) + BOARD + "/settings").then().statusCode(409)
                .body("code", equalTo("stale-revision"));

        as("anji-admin").get(county(Api.ANJI) + BOARD + "/settings/history").then().statusCode(200)
                .body("[0].revision", equalTo(revision + 1)).body("[0].values.maxLength", equalTo(20))
                .body("[0].changedBy", equalTo("anji-admin"));
        as("anji-admin").queryParam("action", "module.settings-changed")
                .get(county(Api.ANJI) + "/audit/records").then().statusCode(200)
                .body("items[0].targetId", equalTo("noticeboard"));

        // The county's rule applies to the module's own work; the other county keeps the default.
        as("anji-admin").body(Map.of("title", "通知", "body", "这条公告的正文超过了二十个字的上限，所以应该被拒绝。"))
                .post(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(422);
        as("anji-admin").body(Map.of("title", "通知", "body", "周六开村民会议"))
                .post(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(201);
        as("jiyuan-admin").get(county(Api.JIYUAN) + BOARD + "/settings").then().statusCode(200)
                .body("values.maxLength", equalTo(200));
    }

    @Test
    void anUnknownModuleIs404() {
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/teleport").then().statusCode(404)
                .contentType("application/problem+json");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/teleport/settings/history").then().statusCode(404)
                .contentType("application/problem+json");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings/history").then().statusCode(200);
    }

    @Test
    void aJobRunsThroughThePlatformEndpointAndIsListedWithItsOutcome() {
        switchBoard("anji-admin", Api.ANJI, true);
        switchBoard("jiyuan-admin", Api.JIYUAN, true);
        as("anji-admin").body(Map.of("title", "旧公告", "body", "三十天后归档")).post(county(Api.ANJI) + "/noticeboard/notices")
                .then().statusCode(201);
        clock.advance(Duration.ofDays(31));
        as("anji-admin").post(county(Api.ANJI) + BOARD + "/jobs/archive").then().statusCode(200)
                .body("outcome", equalTo("SUCCEEDED")).body("trigger", equalTo("MANUAL"))
                .body("startedBy", equalTo("anji-admin")).body("processed", greaterThanOrEqualTo(1));
        // Safe to run twice: the second run finds nothing left to archive.
        as("anji-admin").post(county(Api.ANJI) + BOARD + "/jobs/archive").then().statusCode(200)
                .body("processed", equalTo(0));
        as("anji-admin").get(county(Api.ANJI) + BOARD + "/jobs").then().statusCode(200)
                .body("key", equalTo(List.of("archive"))).body("[0].name.en", equalTo("Archive notices past their display period"))
                .body("[0].every", equalTo("PT24H")).body("[0].running", equalTo(false))
                .body("[0].lastRuns.outcome", equalTo(List.of("SUCCEEDED", "SUCCEEDED")))
                .body("[0].lastRuns[0].processed", equalTo(0));
        // The other county's list shows none of Anji's runs.
        as("jiyuan-admin").get(county(Api.JIYUAN) + BOARD + "/jobs").then().statusCode(200)
                .body("[0].lastRuns.startedBy.flatten()", not(hasItem("anji-admin")));
        as("anji-cadre").post(county(Api.ANJI) + BOARD + "/jobs/archive").then().statusCode(403)
                .contentType("application/problem+json");
        as("anji-admin").post(county(Api.ANJI) + BOARD + "/jobs/teleport").then().statusCode(404);
        as("anji-admin").post(county(Api.ANJI) + "/modules/teleport/jobs/archive").then().statusCode(404);
    }

    @Test
    void aModuleGetsOnlyTheEventTypesItDeclaresAndOnlyWhereItIsOn() throws Throwable {
        switchBoard("jiyuan-admin", Api.JIYUAN, true);
        switchBoard("anji-admin", Api.ANJI, false);
        String marker = UUID.randomUUID().toString();
        UUID undeclared = raise(Api.JIYUAN, "consultation.matter-proposed", "提议 " + marker);
        UUID declared = raise(Api.JIYUAN, NoticeBoardModule.RESOLUTION_ADOPTED, "决议 " + marker);
        UUID elsewhere = raise(Api.ANJI, NoticeBoardModule.RESOLUTION_ADOPTED, "安吉决议 " + marker);

        awaitCount("select count(*) from domain_event_delivery where consumer = 'noticeboard' and status = 'DELIVERED'"
                + " and event_id = '" + declared + "'");
        List<String> bodies = as("jiyuan-admin").get(county(Api.JIYUAN) + "/noticeboard/notices").then().statusCode(200)
                .extract().path("body");
        Assertions.assertTrue(bodies.contains("决议 " + marker), bodies.toString());
        Assertions.assertFalse(bodies.contains("提议 " + marker), bodies.toString());
        // The dispatcher saw the undeclared event (the webhook fan-out took it) but never offered it to the module.
        awaitCount("select count(*) from domain_event_delivery where consumer = 'platform.webhooks' and event_id = '"
                + undeclared + "'");
        Assertions.assertEquals(0, Database.count("select count(*) from domain_event_delivery where consumer = "
                + "'noticeboard' and event_id = '" + undeclared + "'"));
        // Where the module is off the delivery is recorded as skipped, once, and nothing is posted.
        awaitCount("select count(*) from domain_event_delivery where consumer = 'noticeboard' and status = 'SKIPPED'"
                + " and attempts = 1 and event_id = '" + elsewhere + "'");
        Assertions.assertEquals(0, Database.count("select count(*) from noticeboard_notice where body like '%"
                + marker + "%' and tenant_id = '" + Api.ANJI + "'"));
    }

    @Test
    void aFactCommitsWithItsChangeAndARefusedChangeLeavesNone() throws Throwable {
        switchBoard("linzhou-admin", Api.LINZHOU, true);
        CountyCode linzhou = CountyCode.of(Api.LINZHOU);
        ModuleDescriptor board = registry.find(NoticeBoardModule.KEY).orElseThrow();
        VertxContextSupport.subscribeAndAwait(() -> board.demoSeed().seed(linzhou));
        as("linzhou-admin").get(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(200)
                .body("body", hasItem("村务公告栏已开通"));

        long before = postedFact(Api.LINZHOU);
        long anjiBefore = postedFact(Api.ANJI);
        Assertions.assertTrue(before >= 1, "the demo seed's notice counts as posted");
        int revision = as("linzhou-admin").get(county(Api.LINZHOU) + BOARD + "/settings").then().extract().path("revision");
        // The cap counts the notices posted since the start of today (China time), as the board does.
        long today = Database.count("select count(*) from noticeboard_notice where tenant_id = '" + Api.LINZHOU
                + "' and posted_at >= (now() at time zone 'Asia/Shanghai')::date::timestamp at time zone 'Asia/Shanghai'");
        as("linzhou-admin").body(Map.of("revision", revision, "values", Map.of("maxPerDay", today + 1)))
                .put(county(Api.LINZHOU) + BOARD + "/settings").then().statusCode(200);
        try {
            as("linzhou-admin").body(Map.of("title", "通知", "body", "今天的第一条"))
                    .post(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(201);
            Assertions.assertEquals(before + 1, postedFact(Api.LINZHOU));
            // Over the cap: the notice, its audit record and its fact roll back together.
            as("linzhou-admin").body(Map.of("title", "通知", "body", "超过上限的一条"))
                    .post(county(Api.LINZHOU) + "/noticeboard/notices").then().statusCode(409)
                    .body("code", equalTo("daily-cap-reached"));
            Assertions.assertEquals(before + 1, postedFact(Api.LINZHOU));
            Assertions.assertEquals(0, Database.count("select count(*) from noticeboard_notice where body = '超过上限的一条'"));
            // The recount from the board's own table says the same as the facts recorded as it happened.
            List<FactRecount.FactValue> recount = VertxContextSupport.subscribeAndAwait(
                    () -> tx.inCounty(linzhou, s -> board.recount().recount(s, linzhou)));
            Assertions.assertEquals(before + 1, recount.stream().mapToLong(v -> v.value().longValue()).sum());
            Assertions.assertEquals(anjiBefore, postedFact(Api.ANJI), "Linzhou's notices are no fact of Anji's");
        } finally {
            int current = as("linzhou-admin").get(county(Api.LINZHOU) + BOARD + "/settings").then().extract().path("revision");
            as("linzhou-admin").body(Map.of("revision", current, "values", Map.of("maxPerDay", 0)))
                    .put(county(Api.LINZHOU) + BOARD + "/settings").then().statusCode(200);
        }
    }

    private static long postedFact(String code) {
        return Database.count("select coalesce(sum(value), 0)::bigint from daily_fact where tenant_id = '" + code
                + "' and module_key = 'noticeboard' and fact = 'notices-posted'");
    }

    private UUID raise(String code, String type, String title) throws Throwable {
        CountyCode county = CountyCode.of(code);
        return VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(county,
                s -> events.publish(s, county, type, "consultation-matter", UUID.randomUUID(), Map.of("title", title))))
                .id;
    }

    /** Waits for the dispatcher (it runs every second in tests) to have made a delivery. */
    private static void awaitCount(String sql) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (Database.count(sql) > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Never happened: " + sql);
    }

    private static void switchBoard(String admin, String code, boolean on) {
        as(admin).body(Map.of("enabled", on)).put(county(code) + BOARD + "/status").then().statusCode(200)
                .body("enabled", equalTo(on));
    }
}
