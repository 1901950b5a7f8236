package org.wangwu.server.module;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;

/**
 * The module contract, proven with the notice board module of the test sources: listing, switching
 * per county at run time, validated and versioned settings with history and audit.
 */
@QuarkusTest
class ModuleContractTest {

    private static final String BOARD = "/modules/noticeboard";

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
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/settings/history").then().statusCode(200)
                .body("$", hasSize(0));
    }

    private static void switchBoard(String admin, String code, boolean on) {
        as(admin).body(Map.of("enabled", on)).put(county(code) + BOARD + "/status").then().statusCode(200)
                .body("enabled", equalTo(on));
    }
}
