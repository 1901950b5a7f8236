package org.wangwu.server.disputes;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** Shared steps of the disputes tests: the module switched on in both counties, and cases to work. */
public final class DisputesFixture {

    static final String JIYUAN_CASES = county(Api.JIYUAN) + "/disputes/cases";
    static final String ANJI_CASES = county(Api.ANJI) + "/disputes/cases";

    private static volatile boolean switchedOn;

    private DisputesFixture() {
    }

    public static synchronized void twoCountiesWithDisputes() {
        Territories.seedTwoCounties();
        if (switchedOn) {
            return;
        }
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/disputes/status")
                .then().statusCode(200);
        as("anji-admin").body(Map.of("enabled", true)).put(county(Api.ANJI) + "/modules/disputes/status")
                .then().statusCode(200);
        switchedOn = true;
    }

    static String residentId(String name) {
        return as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE
                + "/residents").then().statusCode(200).extract().path("items.find { it.name == '" + name + "' }.id");
    }

    /** The register entry linked to a login in a village, or null. */
    static String linkedResident(String village, String username) {
        return as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + village + "/residents").then()
                .statusCode(200).extract().path("items.find { it.accountUsername == '" + username + "' }.id");
    }

    /** A walk-in case in Jiyuan's village, taken in by the county, with an outside respondent. */
    public static Map<String, Object> walkIn(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WALK_IN");
        body.put("villageCode", Territories.JIYUAN_VILLAGE);
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 6));
        body.put("facts", "两户因院墙滴水发生争执。");
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(Map.of("role", "APPLICANT", "name", "张伟"));
        parties.add(Map.of("role", "RESPONDENT", "name", "刘某", "phone", "13912345678"));
        body.put("parties", parties);
        return body;
    }

    public static String create(String user, Map<String, Object> body) {
        return as(user).body(body).post(JIYUAN_CASES).then().statusCode(201).extract().path("id");
    }

    /**
     * The county's disputes statistics over the last twelve months, as the platform derives them from
     * the module's facts: {@code figures.'cases-received'.value} of the whole range, or of a month.
     */
    static io.restassured.path.json.JsonPath statistics(String admin, String code) {
        java.time.YearMonth now = java.time.YearMonth.now(org.wangwu.platform.time.PlatformClock.ZONE);
        return as(admin).queryParam("from", now.minusMonths(11).toString()).queryParam("to", now.plusMonths(1).toString())
                .get(county(code) + "/modules/disputes/statistics").then().statusCode(200).extract().jsonPath();
    }

    /** A figure of the whole range, or 0 where there is none. */
    static double figure(io.restassured.path.json.JsonPath statistics, String key) {
        Number value = statistics.get("rows.find { it.place == null && it.period == null }.figures.'" + key + "'.value");
        return value == null ? 0 : value.doubleValue();
    }

    /** Takes a case in as the county and places it at a level with the given mediator. */
    static String assignedCase(String level, String mediator) {
        String id = create("jiyuan-admin", walkIn("测试纠纷"));
        as("jiyuan-admin").body(Map.of("category", "neighbours", "risk", "low", "level", level))
                .post(JIYUAN_CASES + "/" + id + "/triage").then().statusCode(200);
        as("jiyuan-admin").body(Map.of("mediators", List.of(mediator)))
                .post(JIYUAN_CASES + "/" + id + "/assignment").then().statusCode(200);
        return id;
    }
}
