package org.wangwu.server.points;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** What the points tests set up through the API, idempotently: the module on, settings, people, places. */
public final class PointsFixture {

    static final String POINTS = "/points";

    private PointsFixture() {
    }

    static void enable(String admin, String code) {
        int status = as(admin).body(Map.of("enabled", true)).put(county(code) + "/modules/points/status").statusCode();
        if (status != 200) {
            throw new IllegalStateException("Switching points on in " + code + " answered " + status);
        }
    }

    /** Saves settings over whatever revision is current (tests of several classes share the database). */
    public static void settings(String admin, String code, Map<String, Object> values) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int revision = as(admin).get(county(code) + "/modules/points/settings").then().statusCode(200)
                    .extract().path("revision");
            Response r = as(admin).body(Map.of("revision", revision, "values", values))
                    .put(county(code) + "/modules/points/settings");
            if (r.statusCode() == 200) {
                return;
            }
            if (r.statusCode() != 409) {
                throw new IllegalStateException("Settings refused: " + r.asString());
            }
        }
        throw new IllegalStateException("Settings kept changing underneath");
    }

    /** A catalogue rule as a map, for settings. */
    static Map<String, Object> rule(String code, int points, boolean evidence, int cap, List<String> recordedBy,
                                    boolean review) {
        return rule(code, "测试项目 " + code, points < 0 ? "MISCONDUCT" : "VOLUNTEER_SERVICE", points, evidence, cap,
                recordedBy, review);
    }

    /** A catalogue rule as a map, for the settings of tests of other modules' events that earn or cost points. */
    public static Map<String, Object> rule(String code, String item, String category, int points, boolean evidence,
                                           int cap, List<String> recordedBy, boolean review) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("item", item);
        r.put("category", category);
        r.put("points", points);
        r.put("evidenceRequired", evidence);
        r.put("capPerPeriod", cap);
        r.put("capPeriod", "MONTH");
        r.put("recordedBy", recordedBy);
        r.put("reviewRequired", review);
        return r;
    }

    /** The catalogue every points test works with; cap-free rules so repeated awards never collide. */
    public static List<Map<String, Object>> testRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(rule("APPLY-EVIDENCE", 5, true, 0, List.of("resident", "village-cadre", "grid-worker"), true));
        rules.add(rule("RECORD-REVIEWED", 3, false, 0, List.of("village-cadre", "grid-worker"), true));
        rules.add(rule("RECORD-DIRECT", 10, false, 0, List.of("village-cadre", "grid-worker", "county-admin"), false));
        rules.add(rule("CAPPED", 4, false, 8, List.of("village-cadre", "grid-worker"), false));
        rules.add(rule("DEDUCT", -2, false, 0, List.of("village-cadre", "grid-worker"), false));
        rules.add(rule("WEDDING", 6, false, 0, List.of("village-cadre"), false));
        return rules;
    }

    /** Jiyuan with the test catalogue; callers override what their test is about. */
    public static Map<String, Object> jiyuanSettings(int disclosureDays) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("accountHolder", "HOUSEHOLD");
        values.put("rules", testRules());
        values.put("disclosureDays", disclosureDays);
        values.put("expiryPolicy", "NEVER");
        values.put("maxRedemptionPerDay", 0);
        values.put("evidenceMaxBytes", 20_000);
        values.put("nameDisplay", "SURNAME_STAR");
        values.put("eventRules", Map.of("customs.wedding-verified", "WEDDING"));
        return values;
    }

    public static void seed(int disclosureDays) {
        Territories.seedTwoCounties();
        enable("jiyuan-admin", Api.JIYUAN);
        enable("anji-admin", Api.ANJI);
        settings("jiyuan-admin", Api.JIYUAN, jiyuanSettings(disclosureDays));
    }

    static String residentId(String admin, String code, String village, String name) {
        List<Map<String, Object>> items = as(admin).queryParam("limit", 200)
                .get(county(code) + "/territory/villages/" + village + "/residents").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .map(r -> (String) r.get("id")).orElseThrow(() -> new IllegalStateException(name + " not found"));
    }

    static String householdId(String admin, String code, String village, String number) {
        List<Map<String, Object>> items = as(admin).queryParam("limit", 200)
                .get(county(code) + "/territory/villages/" + village + "/households").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(h -> number.equals(h.get("number"))).findFirst()
                .map(h -> (String) h.get("id")).orElseThrow(() -> new IllegalStateException(number + " not found"));
    }

    /** Links a demo resident login to a register entry; a link already made stays as it is. */
    static void link(String username, String residentName) {
        String id = residentId("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, residentName);
        int status = as("jiyuan-admin").body(Map.of("username", username))
                .put(county(Api.JIYUAN) + "/territory/residents/" + id + "/account").statusCode();
        if (status != 200 && status != 409) {
            throw new IllegalStateException("Linking " + username + " answered " + status);
        }
    }

    /** A household of its own for a test that needs an exact balance. */
    public static String freshHousehold(String village) {
        String number = "T" + UUID.randomUUID().toString().substring(0, 8);
        return as("jiyuan-admin").body(Map.of("villageCode", village, "number", number))
                .post(county(Api.JIYUAN) + "/territory/households").then().statusCode(201).extract().path("ids[0]");
    }

    public static String key() {
        return "test-" + UUID.randomUUID();
    }

    /** Records a deed with a fresh Idempotency-Key and returns the award. */
    public static Response record(String user, String ruleCode, String householdId) {
        return as(user).header("Idempotency-Key", key())
                .body(Map.of("ruleCode", ruleCode, "householdId", householdId, "description", "测试"))
                .post(county(Api.JIYUAN) + POINTS + "/awards");
    }

    static long balance(String accountId) {
        return ((Number) as("jiyuan-admin").get(county(Api.JIYUAN) + POINTS + "/accounts/" + accountId).then()
                .statusCode(200).extract().path("balance")).longValue();
    }
}
