package org.wangwu.server.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wangwu.server.consultation.ConsultationFixture;
import org.wangwu.server.disputes.DisputesFixture;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * Every write endpoint, fed a table of bad inputs: each answer is a 4xx problem document, and the
 * database is exactly as it was. The strict-JSON table goes to every operation of the served OpenAPI
 * document that takes a body, so operations added later are covered without touching this class.
 */
@QuarkusTest
class BadInputTest {

    private static final String J = "/api/v1/counties/419001";
    private static final String LONG = "长".repeat(600);
    /** Sent 10 MB and one byte, past quarkus.http.limits.max-body-size. */
    private static final String OVERSIZED = "{\"reason\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
    private static String fingerprintQuery;

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

    /**
     * Every table of the schema, each row counted and hashed, except the delivery bookkeeping that background
     * senders update. The query is built once: its table list is the schema's.
     */
    private static String everyTableFingerprint() {
        if (fingerprintQuery == null) {
            String tables = Database.text("select string_agg(case when table_name in ('domain_event', 'domain_event_delivery',"
                    + " 'webhook_delivery', 'webhook_subscription') then format('select %L || count(*) from %I', table_name, table_name)"
                    + " else format('select %L || count(*) || '':'' || coalesce(sum(hashtext(t::text)), 0) from %I t', table_name, table_name) end,"
                    + " ' union all ' order by table_name) from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'");
            fingerprintQuery = "select md5(string_agg(f, ',' order by f)) from (" + tables + ") as fingerprint(f)";
        }
        return Database.text(fingerprintQuery);
    }

    /** Real ids for the path parameters whose resources a handler would look up; anything else gets an unknown id. */
    private static Map<String, String> realIds() {
        PointsFixture.seed(0);
        DisputesFixture.twoCountiesWithDisputes();
        ConsultationFixture.seed();
        // Every module on in Jiyuan: a switched-off module answers 404 before it reads a body.
        List<String> modules = as("jiyuan-admin").get(J + "/modules").then().statusCode(200).extract().path("key");
        for (String module : modules) {
            as("jiyuan-admin").body(Map.of("enabled", true)).put(J + "/modules/" + module + "/status").then()
                    .statusCode(200);
        }
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        io.restassured.path.json.JsonPath award = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then()
                .statusCode(201).extract().jsonPath();
        String market = as("jiyuan-cadre").body(Map.of("name", "花石村爱心超市 " + UUID.randomUUID().toString().substring(0, 4),
                "placeCode", Territories.JIYUAN_VILLAGE, "clerks", List.of("jiyuan-clerk")))
                .post(J + "/points/supermarkets").then().statusCode(201).extract().path("id");
        String dispute = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("坏输入"));
        String resident = as("jiyuan-admin").get(J + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/residents").then()
                .statusCode(200).extract().path("items[0].id");
        Map<String, String> ids = new HashMap<>();
        ids.put("county", Api.JIYUAN);
        ids.put("module", "points");
        ids.put("register", "townships");
        ids.put("awards/{id}", award.getString("id"));
        ids.put("accounts/{id}", award.getString("accountId"));
        ids.put("supermarkets/{id}", market);
        ids.put("cases/{id}", dispute);
        ids.put("residents/{id}", resident);
        ids.put("bodies/{body}", "PARTY_BRANCH");
        return ids;
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher parameter = Pattern.compile("([a-z-]+/)?\\{([a-z]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String segment = parameter.group(1) == null ? "" : parameter.group(1);
            String id = ids.getOrDefault(segment + "{" + parameter.group(2) + "}", ids.get(parameter.group(2)));
            parameter.appendReplacement(path, Matcher.quoteReplacement(segment + (id != null ? id : UUID.randomUUID().toString())));
        }
        return parameter.appendTail(path).toString();
    }

    /** Per operation: its bad bodies one after the other, then the check that the database is as it was before the first. */
    @TestFactory
    Stream<DynamicContainer> everyOperationWithABodyRefusesWhatIsNotExactlyJson() {
        Territories.seedTwoCounties();
        Map<String, String> ids = realIds();
        settle();
        OperationBodies document = new OperationBodies(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<DynamicContainer> operations = new ArrayList<>();
        for (OperationBodies.Operation operation : document.operationsWithBodies()) {
            String path = fill(operation.path(), ids);
            String user = operation.path().startsWith("/api/v1/platform/") ? "operator" : "jiyuan-admin";
            String[] before = new String[1];
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("the database before", () -> before[0] = everyTableFingerprint()));
            if (operation.takes("application/json")) {
                for (OperationBodies.Spoiled spoiled : document.spoiled(operation.schema())) {
                    tests.add(DynamicTest.dynamicTest(spoiled.name(), () -> refused(user, operation.method(), path,
                            "application/json", spoiled.body(), 400, spoiled.field())));
                }
                // A JSON null is "no body", which an operation whose body is optional may take.
                List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"just a string\"", "12", "{\"unexpected\": 1}", "{} {}"));
                if (operation.bodyRequired()) {
                    bodies.add("null");
                }
                for (String body : bodies) {
                    tests.add(DynamicTest.dynamicTest(body, () -> refused(user, operation.method(), path,
                            "application/json", body, 400, null)));
                }
                tests.add(DynamicTest.dynamicTest("a body over 10 MB", () -> refused(user, operation.method(), path,
                        "application/json", OVERSIZED, 413, null)));
            }
            if (operation.takes("multipart/form-data")) {
                String type = "multipart/form-data; boundary=wangwu-boundary";
                tests.add(DynamicTest.dynamicTest("an empty multipart body", () -> refused(user, operation.method(), path,
                        type, "", 400, null)));
                tests.add(DynamicTest.dynamicTest("a truncated multipart body", () -> refused(user, operation.method(), path,
                        type, "--wangwu-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                                + "Content-Type: text/plain\r\n\r\nhalf a fi", 400, null)));
                tests.add(DynamicTest.dynamicTest("a multipart body with no closing boundary", () -> refused(user,
                        operation.method(), path, type, "--wangwu-boundary\r\n", 400, null)));
            }
            tests.add(DynamicTest.dynamicTest("the database did not change", () ->
                    assertEquals(before[0], everyTableFingerprint(), "the database changed")));
            if (tests.size() > 2) {
                operations.add(DynamicContainer.dynamicContainer(operation.method() + " " + operation.path(), tests));
            }
        }
        return operations.stream();
    }

    /**
     * Waits until the setup's consequences are written (the event dispatcher delivers what the setup published,
     * jobs of the modules just switched on run): two fingerprints two seconds apart agree.
     */
    private static void settle() {
        String last = everyTableFingerprint();
        for (int i = 0; i < 30; i++) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            String now = everyTableFingerprint();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private static void refused(String user, String method, String path, String contentType, String body, int status,
                                String field) {
        io.restassured.specification.RequestSpecification request = as(user).log().ifValidationFails()
                .contentType(contentType);
        // RestAssured will not encode a string as multipart: those bodies go as the bytes they are.
        request = contentType.startsWith("multipart/") ? request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : request.body(body);
        io.restassured.response.ValidatableResponse answer = request.request(method, path).then()
                .log().ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", notNullValue());
        if (field != null && !field.isEmpty()) {
            // A null inside a list is named by the list, with or without the index Jackson had reached.
            answer.body("errors.field", hasItem(anyOf(equalTo(field), equalTo(field.replaceFirst("\\[0]$", "")))));
        }
    }
}
