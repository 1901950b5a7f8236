package org.wangwu.server.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Small counts leave no county: a count under 5 is published as "<5", enough other cells are hidden
 * ("x") that no sum or difference of the province's answers (the overview, each county's townships,
 * each township's villages, each range against its months) gives a hidden count back, and the
 * answers of different levels agree with each other.
 */
@QuarkusTest
class SmallCountSuppressionTest {

    static final String RANGE = "2025-01 to 2025-02";
    static final String TOWNSHIP_2 = "419001101";

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
        // January: Jiyuan 6 at county level, 3 + 10 (affairs) in Chengliu's villages, 7 in a second township; Linzhou 2.
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-01-05", "", "", 6);
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-01-06", Territories.JIYUAN_VILLAGE, "", 3);
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-01-07", Territories.JIYUAN_OTHER_VILLAGE, "affairs", 6);
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-01-20", Territories.JIYUAN_OTHER_VILLAGE, "affairs", 4);
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-01-08", TOWNSHIP_2 + "201", "", 7);
        Facts.flow(Api.LINZHOU, "notices-posted", "2025-01-09", "", "", 2);
        Facts.flow(Api.JIYUAN, "notices-read", "2025-01-15", "", "", 52);
        // Boards (a level): Jiyuan 4 from January 10th; Linzhou 20 since before the range.
        Facts.level(Api.JIYUAN, "boards", "2025-01-10", "", 4);
        Facts.level(Api.LINZHOU, "boards", "2024-12-01", "", 20);
        // February: Jiyuan 8 in Huashi, Linzhou 9.
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-02-11", Territories.JIYUAN_VILLAGE, "", 8);
        Facts.flow(Api.LINZHOU, "notices-posted", "2025-02-12", "", "", 9);
    }

    private static JsonPath read(String path) {
        return as("henan-viewer").get(path + "?from=2025-01&to=2025-02").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void smallCountsAreHiddenAndTheirComplementsToo() {
        JsonPath overview = read("/api/v1/provinces/41/overview");
        Map<String, Map<String, Object>> t = table(overview.getList("modules.table.findAll { it.module == 'noticeboard' }.rows").get(0));
        assertEquals("<5", suppressed(t, Api.LINZHOU, "2025-01", "notices-posted"));
        assertEquals("x", suppressed(t, Api.JIYUAN, "2025-01", "notices-posted"));
        assertEquals(new BigDecimal("28"), value(t, null, "2025-01", "notices-posted"));
        assertEquals(new BigDecimal("8"), value(t, Api.JIYUAN, "2025-02", "notices-posted"));
        assertEquals(new BigDecimal("9"), value(t, Api.LINZHOU, "2025-02", "notices-posted"));
        assertEquals("x", suppressed(t, Api.JIYUAN, null, "notices-posted"));
        assertEquals(new BigDecimal("45"), value(t, null, null, "notices-posted"));
        // A level carries forward: Linzhou's 20 boards stand in both months; Jiyuan's 4 is small.
        assertEquals("<5", suppressed(t, Api.JIYUAN, "2025-02", "boards"));
        assertEquals(new BigDecimal("24"), value(t, null, "2025-02", "boards"));
        assertEquals("x", suppressed(t, Api.JIYUAN, "2025-01", "reads-per-notice"));

        Map<String, Map<String, Object>> county = table(read("/api/v1/provinces/41/counties/" + Api.JIYUAN)
                .getList("modules.findAll { it.module == 'noticeboard' }.rows").get(0));
        assertEquals("x", suppressed(county, null, "2025-01", "notices-posted"), "the whole as the overview published it");
        assertEquals(new BigDecimal("13"), value(county, Territories.JIYUAN_TOWNSHIP, "2025-01", "notices-posted"));
        Map<String, Map<String, Object>> villages = table(read("/api/v1/provinces/41/counties/" + Api.JIYUAN + "/townships/"
                + Territories.JIYUAN_TOWNSHIP).getList("modules.findAll { it.module == 'noticeboard' }.rows").get(0));
        assertEquals("<5", suppressed(villages, Territories.JIYUAN_VILLAGE, "2025-01", "notices-posted"));
        assertEquals("x", suppressed(villages, Territories.JIYUAN_OTHER_VILLAGE, "2025-01", "notices-posted"));
        assertEquals(new BigDecimal("13"), value(villages, null, "2025-01", "notices-posted"));
    }

    /** Every count the answers publish, keyed by what it counts; hidden ones absent, listed in {@code hidden}. */
    private final Map<String, BigDecimal> known = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final List<List<String>> sums = new ArrayList<>();

    @Test
    void noCombinationOfTheProvincesAnswersRevealsAHiddenCount() {
        collect(read("/api/v1/provinces/41/overview").getList("modules.table.findAll { it.module == 'noticeboard' }").get(0),
                "P", "C:");
        for (String c : List.of(Api.JIYUAN, Api.LINZHOU)) {
            collect(read("/api/v1/provinces/41/counties/" + c).getList("modules.findAll { it.module == 'noticeboard' }").get(0),
                    "C:" + c, "T:");
        }
        for (String township : List.of(Territories.JIYUAN_TOWNSHIP, TOWNSHIP_2)) {
            collect(read("/api/v1/provinces/41/counties/" + Api.JIYUAN + "/townships/" + township)
                    .getList("modules.findAll { it.module == 'noticeboard' }").get(0), "T:" + township, "V:");
        }
        assertTrue(hidden.size() >= 6, "the seed hides something: " + hidden);
        // The attacker: wherever a published sum has exactly one unknown term, solve it; repeat until nothing moves.
        boolean moved = true;
        while (moved) {
            moved = false;
            for (List<String> sum : sums) {
                List<String> unknown = sum.stream().filter(k -> !known.containsKey(k)).toList();
                if (unknown.size() == 1) {
                    String whole = sum.get(0);
                    BigDecimal parts = sum.subList(1, sum.size()).stream().filter(known::containsKey).map(known::get)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    known.put(unknown.get(0), unknown.get(0).equals(whole) ? parts
                            : known.get(whole).subtract(parts.subtract(BigDecimal.ZERO)));
                    moved = true;
                }
            }
        }
        for (String cell : hidden) {
            assertFalse(known.containsKey(cell), "revealed " + cell + " = " + known.get(cell));
        }
    }

    /** Reads one answer's table: its whole is {@code whole}, its rows {@code rowPrefix + place}, with their sums. */
    @SuppressWarnings("unchecked")
    private void collect(Object table, String whole, String rowPrefix) {
        Map<String, Object> tableJson = (Map<String, Object>) table;
        List<Map<String, Object>> rows = (List<Map<String, Object>>) tableJson.get("rows");
        List<String> periods = (List<String>) tableJson.get("periods");
        Set<String> places = new HashSet<>();
        for (Map<String, Object> row : rows) {
            String place = (String) row.get("place");
            int childLength = rowPrefix.equals("C:") ? 6 : rowPrefix.equals("T:") ? 9 : 12;
            String id = place == null ? whole : place.length() == childLength ? rowPrefix + place : "own:" + place;
            if (place != null) {
                places.add(id);
            }
            String period = row.get("period") == null ? RANGE : (String) row.get("period");
            Map<String, Map<String, Object>> figures = (Map<String, Map<String, Object>>) row.get("figures");
            for (String stat : List.of("notices-posted", "affairs-notices", "boards")) {
                Map<String, Object> f = figures.get(stat);
                String key = stat + "|" + id + "|" + period;
                if (f.get("suppressed") != null) {
                    hidden.add(key);
                } else {
                    known.put(key, new BigDecimal(String.valueOf(f.get("value"))));
                }
            }
        }
        for (String stat : List.of("notices-posted", "affairs-notices", "boards")) {
            List<String> allPeriods = new ArrayList<>(periods);
            allPeriods.add(RANGE);
            for (String period : allPeriods) {
                if (stat.equals("boards") && period.equals(RANGE)) {
                    continue;
                }
                List<String> sum = new ArrayList<>();
                sum.add(stat + "|" + whole + "|" + period);
                places.forEach(p -> sum.add(stat + "|" + p + "|" + period));
                sums.add(sum);
            }
            if (!stat.equals("boards")) {
                List<String> ids = new ArrayList<>(places);
                ids.add(whole);
                for (String id : ids) {
                    List<String> sum = new ArrayList<>();
                    sum.add(stat + "|" + id + "|" + RANGE);
                    periods.forEach(p -> sum.add(stat + "|" + id + "|" + p));
                    sums.add(sum);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> table(Object rows) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) rows) {
            out.put(row.get("place") + "|" + row.get("period"), (Map<String, Object>) row.get("figures"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figure(Map<String, Map<String, Object>> t, String place, String period, String stat) {
        Map<String, Object> figures = t.get(place + "|" + period);
        assertTrue(figures != null, "no row " + place + " " + period + " in " + t.keySet());
        return (Map<String, Object>) figures.get(stat);
    }

    private static String suppressed(Map<String, Map<String, Object>> t, String place, String period, String stat) {
        return (String) figure(t, place, period, stat).get("suppressed");
    }

    private static BigDecimal value(Map<String, Map<String, Object>> t, String place, String period, String stat) {
        Object v = figure(t, place, period, stat).get("value");
        return v == null ? null : new BigDecimal(String.valueOf(v));
    }
}
