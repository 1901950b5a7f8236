package org.wangwu.server.errors;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * Every write endpoint, fed a table of bad inputs: each answer is a 4xx problem document, and the
 * database is exactly as it was.
 */
@QuarkusTest
class BadInputTest {

    private static final String J = "/api/v1/counties/419001";
    private static final String LONG = "长".repeat(600);

    /** Counts and version sums that any write would move. */
    private static final String FINGERPRINT = "select (select count(*) from county) * 1000003"
            + " + (select coalesce(sum(version), 0) from county) * 10007"
            + " + (select count(*) from township) + (select count(*) from village) * 7"
            + " + (select count(*) from villager_group) * 13 + (select count(*) from household) * 17"
            + " + (select count(*) from resident) * 19 + (select count(*) from audit_record) * 23"
            + " + (select count(*) from county_module) * 29 + (select coalesce(sum(version), 0) from county_module) * 31"
            + " + (select count(*) from county_module_settings_revision) * 37";

    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
    }

    static Stream<Arguments> badWrites() {
        List<Arguments> cases = new ArrayList<>();
        // Each write endpoint with its user and a valid-looking prefix for the bad bodies.
        String[][] endpoints = {
                {"operator", "POST", "/api/v1/platform/counties"},
                {"operator", "POST", "/api/v1/platform/counties/419001/suspend"},
                {"jiyuan-admin", "PUT", J + "/modules/noticeboard/status"},
                {"jiyuan-admin", "PUT", J + "/modules/noticeboard/settings"},
                {"jiyuan-admin", "POST", J + "/territory/townships"},
                {"jiyuan-admin", "POST", J + "/territory/villages"},
                {"jiyuan-admin", "POST", J + "/territory/groups"},
                {"jiyuan-admin", "POST", J + "/territory/households"},
                {"jiyuan-admin", "POST", J + "/territory/residents"},
        };
        String[] bodies = {
                "{",                                  // broken JSON
                "[]",                                 // an array where an object belongs
                "\"just a string\"",
                "{\"code\": {\"nested\": true}, \"enabled\": \"perhaps\", \"revision\": \"one\", \"values\": 3,"
                        + " \"villageCode\": [1], \"gender\": \"UNKNOWN\", \"reason\": [\"x\"]}",   // wrong types
                "{\"code\": \"12\", \"nameZh\": \"" + LONG + "\", \"nameEn\": \"" + LONG + "\", \"province\": \"4\","
                        + " \"reason\": \"" + LONG + "\", \"townshipCode\": \"abc\", \"villageCode\": \"4190011002\","
                        + " \"name\": \"" + LONG + "\", \"number\": \"no spaces allowed\", \"householdNumber\": \"?\","
                        + " \"gender\": \"MALE\", \"revision\": -1, \"values\": {}, \"enabled\": null}",  // invalid and oversized
                "{}",                                 // missing fields
                "{\"unexpected\": 1}",                // unknown field
        };
        for (String[] endpoint : endpoints) {
            for (String body : bodies) {
                if (endpoint[2].endsWith("/suspend") && body.equals("{}")) {
                    continue; // a suspension needs no reason: {} is a valid request there
                }
                cases.add(Arguments.of(endpoint[0], endpoint[1], endpoint[2], "application/json", body));
            }
        }
        // Bad files to the CSV import.
        for (String csv : new String[] {"", "code,name_zh\n", "not,a,register\n1,2,3\n", "code,name_zh\n\"unclosed,x\n",
                "code,name_zh\n123,镇\n", "code,name_zh\n419001199," + LONG + "\n"}) {
            cases.add(Arguments.of("jiyuan-admin", "POST", J + "/territory/imports/townships", "text/csv; charset=UTF-8", csv));
        }
        cases.add(Arguments.of("jiyuan-admin", "POST", J + "/territory/imports/spaceships", "text/csv", "a\n1\n"));
        cases.add(Arguments.of("jiyuan-admin", "POST", J + "/territory/townships", "text/plain", "hello"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {2} [{3}] {4}")
    @MethodSource("badWrites")
    void badInputIsA4xxProblemAndChangesNothing(String user, String method, String path, String contentType,
                                                 String body) {
        long before = Database.count(FINGERPRINT);
        as(user).contentType(contentType).body(body).request(method, path).then()
                .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .contentType("application/problem+json")
                .body("status", allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        assertEquals(before, Database.count(FINGERPRINT), "the database changed");
    }
}
