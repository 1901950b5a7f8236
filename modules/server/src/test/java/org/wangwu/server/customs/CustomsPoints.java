package org.wangwu.server.customs;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** What the points module shows of the awards customs events earned, read through the points API. */
final class CustomsPoints {

    private CustomsPoints() {
    }

    /** Waits (polling the points API while the dispatcher delivers) for the award an event earned a household. */
    static Map<String, Object> awaitEventAward(String household) {
        for (int i = 0; i < 60; i++) {
            Optional<Map<String, Object>> found = eventAwards(household).stream().findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No points award arrived for household " + household);
    }

    /** Jiyuan's points settings map these customs events to these rules (each added to the catalogue if missing). */
    static void mapEvents(Map<String, Map<String, Object>> ruleByEvent) {
        String path = county(Api.JIYUAN) + "/modules/points/settings";
        var current = as("jiyuan-admin").get(path).then().statusCode(200).extract();
        Map<String, Object> values = new LinkedHashMap<>(current.path("values"));
        List<Map<String, Object>> rules = new ArrayList<>(current.<List<Map<String, Object>>>path("values.rules"));
        Map<String, Object> events = new LinkedHashMap<>(current.<Map<String, Object>>path("values.eventRules"));
        ruleByEvent.forEach((event, rule) -> {
            rules.removeIf(r -> rule.get("code").equals(r.get("code")));
            rules.add(rule);
            events.put(event, rule.get("code"));
        });
        values.put("rules", rules);
        values.put("eventRules", events);
        int revision = current.path("revision");
        as("jiyuan-admin").body(Map.of("revision", revision, "values", values)).put(path).then()
                .statusCode(200);
    }

    static Map<String, Object> rule(String code, String item, String category, int points, boolean reviewRequired) {
        return PointsFixture.rule(code, item, category, points, false, 0, List.of("village-cadre"), reviewRequired);
    }

    static List<Map<String, Object>> eventAwards(String household) {
        List<Map<String, Object>> items = as("jiyuan-admin").queryParam("limit", 200)
                .queryParam("village", Territories.JIYUAN_VILLAGE)
                .get(county(Api.JIYUAN) + "/points/awards").then().statusCode(200).extract().path("items");
        return items.stream().filter(a -> "EVENT".equals(a.get("source")) && household.equals(as("jiyuan-admin")
                .get(county(Api.JIYUAN) + "/points/accounts/" + a.get("accountId")).then().statusCode(200)
                .extract().path("householdId"))).toList();
    }
}
