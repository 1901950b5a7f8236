package org.wangwu.server.dashboards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.asApp;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * A province's figures reach only that province's viewers and apps: a Henan viewer reading Zhejiang
 * is refused, a county's token reaches no province path, a province-bound app reads aggregates and no
 * county record, a province's unit of work sees no county table, and no province answer carries a person.
 */
@QuarkusTest
class ProvinceIsolationTest {

    private static boolean seeded;

    @AfterAll
    static void undoFacts() {
        Facts.undo();
        seeded = false;
    }

    /**
     * Seeded before the first test rather than in a {@code @BeforeAll}: Quarkus points RestAssured at the test
     * port before each test, so a class run first with its own port would seed against the wrong one.
     */
    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
        if (seeded) {
            return;
        }
        seeded = true;
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-04-03", Territories.JIYUAN_VILLAGE, "", 12);
        Facts.flow(Api.ANJI, "notices-posted", "2025-04-05", Territories.ANJI_VILLAGE, "", 9);
    }

    @Test
    void aProvincialViewerReadsHerProvinceOnly() {
        as("henan-viewer").get("/api/v1/provinces/41/overview?from=2025-04&to=2025-04").then().statusCode(200)
                .body("counties.code", hasItems(Api.JIYUAN, Api.LINZHOU))
                .body("counties.code", not(hasItem(Api.ANJI)));
        as("henan-viewer").get("/api/v1/provinces/33/overview").then().statusCode(403)
                .body("code", equalTo("province-mismatch"));
        as("henan-viewer").get("/api/v1/provinces/33/counties/" + Api.ANJI).then().statusCode(403);
        as("henan-viewer").get("/api/v1/provinces/41/counties/" + Api.ANJI).then().statusCode(404);
        as("zhejiang-viewer").get("/api/v1/provinces/33/overview?from=2025-04&to=2025-04").then().statusCode(200)
                .body("counties.code", hasItem(Api.ANJI))
                .body("counties.code", not(hasItem(Api.JIYUAN)));
        as("zhejiang-viewer").get("/api/v1/provinces/41/overview/export?format=csv").then().statusCode(403);
    }

    @Test
    void aCountyTokenReachesNoProvincePath() {
        as("jiyuan-admin").get("/api/v1/provinces/41/overview").then().statusCode(403).body("code", equalTo("county-token"));
        as("anji-admin").get("/api/v1/provinces/33/counties/" + Api.ANJI).then().statusCode(403);
        asApp("jiyuan-points-app").get("/api/v1/provinces/41/overview").then().statusCode(403);
        given().get("/api/v1/provinces/41/overview").then().statusCode(401);
        as("henan-viewer").get("/api/v1/provinces/4x/overview").then().statusCode(404);
        as("henan-viewer").get("/api/v1/provinces/41/overview?from=2025-13").then().statusCode(422)
                .contentType("application/problem+json");
        as("henan-viewer").get("/api/v1/provinces/41/overview/export?format=pdf").then().statusCode(422);
    }

    @Test
    void aProvinceBoundAppReadsAggregatesAndNoCountyRecord() {
        asApp("henan-stats-app").get("/api/v1/provinces/41/overview?from=2025-04&to=2025-04").then().statusCode(200)
                .body("counties.code", hasItem(Api.JIYUAN));
        asApp("henan-stats-app").get("/api/v1/provinces/33/overview").then().statusCode(403);
        for (String path : List.of("/modules", "/noticeboard/notices", "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/residents", "/audit/records",
                "/modules/noticeboard/statistics?from=2025-04&to=2025-04", "/dashboards")) {
            asApp("henan-stats-app").get(county(Api.JIYUAN) + path).then().statusCode(403);
        }
    }

    @Test
    void aProvinceUnitOfWorkSeesAggregatesOfItsCountiesAndNoCountyTable() {
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/noticeboard/status")
                .then().statusCode(200);
        List<String> seen = as("jiyuan-admin").get(county(Api.JIYUAN) + "/noticeboard/probe/province/41").then()
                .statusCode(200).extract().jsonPath().getList("$", String.class);
        assertTrue(seen.containsAll(List.of("township:0", "daily_fact:0", "noticeboard_notice:0", "fact_month:" + Api.JIYUAN)),
                seen.toString());
        assertFalse(seen.contains("fact_month:" + Api.ANJI), seen.toString());
    }

    private static final List<Pattern> PERSONAL = List.of(
            Pattern.compile("[0-9]{17}[0-9Xx]"),                          // an ID number
            Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),         // a mobile phone
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), // a case, household or person id
            Pattern.compile("王建国|李秀英|张伟|赵敏|潘春林|花石村1号|南勋村1号"),                      // people and households of the register
            Pattern.compile("\\*{4,}"));                                   // a masked ID number or phone

    @Test
    void noProvinceAnswerCarriesAPerson() {
        JsonPath api = as("henan-viewer").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> walked = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/v1/provinces/")) {
                return;
            }
            assertTrue(operations.keySet().stream().allMatch(m -> m.equals("get") || m.equals("parameters")),
                    "a province path only reads: " + template);
            String path = template.replace("{province}", "41").replace("{county}", Api.JIYUAN)
                    .replace("{township}", Territories.JIYUAN_TOWNSHIP);
            List<String> queries = path.endsWith("/export") ? List.of("?format=csv", "?format=xlsx") : List.of("");
            for (String query : queries) {
                for (String who : List.of("henan-viewer", "henan-stats-app")) {
                    var response = (who.equals("henan-viewer") ? as(who) : asApp(who))
                            .get(path + query + (query.isEmpty() ? "?" : "&") + "from=2025-01&to=2025-06");
                    response.then().statusCode(200);
                    String body = query.endsWith("xlsx") ? Exports.xlsxText(response.asByteArray()) : response.asString();
                    assertTrue(body.length() > 50, path + query);
                    for (Pattern p : PERSONAL) {
                        assertFalse(p.matcher(body).find(), path + query + " carries " + p + ": " + body);
                    }
                    walked.add(path + query);
                }
            }
        });
        assertTrue(walked.size() >= 12, "walked " + walked);
    }
}
