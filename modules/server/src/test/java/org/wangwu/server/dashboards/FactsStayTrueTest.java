package org.wangwu.server.dashboards;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * Facts are written with the change that causes them, so a rolled-back change leaves none; and the
 * facts check recounts them from the module's records, finds nothing to report when they agree and
 * reports the difference when a fact was changed behind the module's back.
 */
@QuarkusTest
class FactsStayTrueTest {

    private static final String BOARD_DIFFERENCES = "found.findAll { it.module == 'noticeboard' }.size()";

    @org.junit.jupiter.api.AfterEach
    void undoFacts() {
        Facts.undo();
    }

    @BeforeEach
    void switchOn() {
        Territories.seedTwoCounties();
        for (String[] c : new String[][] {{"jiyuan-admin", Api.JIYUAN}, {"anji-admin", Api.ANJI}}) {
            as(c[0]).body(Map.of("enabled", true)).put(county(c[1]) + "/modules/noticeboard/status").then().statusCode(200);
            as(c[0]).body(Map.of("enabled", true)).put(county(c[1]) + "/modules/dashboards/status").then().statusCode(200);
        }
    }

    private static long postedThisMonth(String user, String code) {
        String month = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        JsonPath t = as(user).get(county(code) + "/modules/noticeboard/statistics?from=" + month + "&to=" + month)
                .then().statusCode(200).extract().jsonPath();
        return t.getLong("rows.find { it.place == null && it.period == null }.figures.notices-posted.value");
    }

    @Test
    void aRolledBackChangeLeavesNoFactAndTheCheckAgreesWithTheRecords() {
        long before = postedThisMonth("jiyuan-admin", Api.JIYUAN);
        long anjiBefore = postedThisMonth("anji-admin", Api.ANJI);
        as("jiyuan-admin").body(Map.of("title", "通知", "body", "村民大会")).post(county(Api.JIYUAN) + "/noticeboard/notices")
                .then().statusCode(201);
        // A cap of today's count: the next notice is refused after its insert and its fact, and rolls back whole.
        String settings = county(Api.JIYUAN) + "/modules/noticeboard/settings";
        long today = Database.count("select count(*) from noticeboard_notice where tenant_id = '" + Api.JIYUAN
                + "' and posted_at >= (now() at time zone 'Asia/Shanghai')::date::timestamp at time zone 'Asia/Shanghai'");
        int revision = as("jiyuan-admin").get(settings).then().statusCode(200).extract().path("revision");
        as("jiyuan-admin").body(Map.of("revision", revision, "values", Map.of("maxPerDay", today))).put(settings)
                .then().statusCode(200);
        as("jiyuan-admin").body(Map.of("title", "超出上限", "body", "不会留下")).post(county(Api.JIYUAN) + "/noticeboard/notices")
                .then().statusCode(409).body("code", equalTo("daily-cap-reached"));
        as("jiyuan-admin").body(Map.of("revision", revision + 1, "values", Map.of("maxPerDay", 0))).put(settings)
                .then().statusCode(200);
        assertEquals(before + 1, postedThisMonth("jiyuan-admin", Api.JIYUAN), "the failed notice left no fact");
        assertEquals(anjiBefore, postedThisMonth("anji-admin", Api.ANJI), "the other county saw nothing");

        // The board's facts agree with its records (other modules' are other tests' concern).
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/dashboards/fact-checks").then().statusCode(201)
                .body(BOARD_DIFFERENCES, equalTo(0));

        // Behind the module's back, a fact is inflated: the next check reports exactly that.
        String inflated = "update daily_fact set value = value %s 5 where tenant_id = '" + Api.JIYUAN
                + "' and module_key = 'noticeboard' and fact = 'notices-posted' and place_code = '' and dimension = ''"
                + " and day = (select max(cast(posted_at at time zone 'Asia/Shanghai' as date)) from noticeboard_notice"
                + " where tenant_id = '" + Api.JIYUAN + "')";
        Database.update(inflated.formatted("+"));
        try {
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> run = as("jiyuan-admin")
                    .post(county(Api.JIYUAN) + "/dashboards/fact-checks").then()
                    .statusCode(201).body(BOARD_DIFFERENCES, equalTo(1)).extract();
            JsonPath check = run.jsonPath();
            String location = run.header("Location");
            assertEquals(true, location.endsWith(county(Api.JIYUAN) + "/dashboards/fact-checks/" + check.getString("id")),
                    location);
            as("jiyuan-admin").get(location).then().statusCode(200).body("id", equalTo(check.getString("id")))
                    .body(BOARD_DIFFERENCES, equalTo(1));
            as("anji-admin").get(location).then().statusCode(403);
            as("anji-admin").get(county(Api.ANJI) + "/dashboards/fact-checks/" + check.getString("id")).then()
                    .statusCode(404);
            String found = "found.find { it.module == 'noticeboard' }.";
            assertEquals("notices-posted", check.getString(found + "fact"));
            assertEquals(5, check.getDouble(found + "recorded") - check.getDouble(found + "recounted"), 0.0001);
            as("jiyuan-admin").get(county(Api.JIYUAN) + "/dashboards/fact-checks/latest").then().statusCode(200)
                    .body(BOARD_DIFFERENCES, equalTo(1));
            as("anji-admin").post(county(Api.ANJI) + "/dashboards/fact-checks").then().statusCode(201)
                    .body(BOARD_DIFFERENCES, equalTo(0));
            as("jiyuan-cadre").post(county(Api.JIYUAN) + "/dashboards/fact-checks").then().statusCode(403);
        } finally {
            Database.update(inflated.formatted("-"));
        }
    }

    @Test
    void theCountyDashboardShowsEverySwitchedOnModuleByTownshipAndVillage() {
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-07-03", Territories.JIYUAN_VILLAGE, "", 2);
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-07-04", Territories.JIYUAN_OTHER_VILLAGE, "", 1);
        JsonPath byTownship = as("jiyuan-admin").get(county(Api.JIYUAN) + "/dashboards?from=2025-07&to=2025-07")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, byTownship.getInt("find { it.module == 'noticeboard' }.rows.find { it.place == '"
                + Territories.JIYUAN_TOWNSHIP + "' && it.period == null }.figures.notices-posted.value"), "the county's own see small counts");
        JsonPath byVillage = as("jiyuan-admin").get(county(Api.JIYUAN) + "/dashboards?from=2025-07&to=2025-07&by=village")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, byVillage.getInt("find { it.module == 'noticeboard' }.rows.find { it.place == '"
                + Territories.JIYUAN_OTHER_VILLAGE + "' && it.period == '2025-07' }.figures.notices-posted.value"));
        assertEquals("花石村", byVillage.getString("find { it.module == 'noticeboard' }.rows.find { it.place == '"
                + Territories.JIYUAN_VILLAGE + "' && it.period == null }.name"));
        as("anji-admin").get(county(Api.ANJI) + "/dashboards?from=2025-07&to=2025-07").then().statusCode(200)
                .body("find { it.module == 'noticeboard' }.rows.findAll { it.place != null }", org.hamcrest.Matchers.empty());
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/dashboards").then().statusCode(403);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/dashboards?by=household").then().statusCode(422);
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/noticeboard/statistics?from=2025-07&to=2025-07&by=township")
                .then().statusCode(200);
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/modules/noticeboard/statistics?from=2025-07&to=2025-07").then().statusCode(403);
    }
}
