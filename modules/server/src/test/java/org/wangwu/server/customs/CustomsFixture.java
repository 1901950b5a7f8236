package org.wangwu.server.customs;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** What the customs tests set up through the API, idempotently: the module on, each county's caps, a council. */
public final class CustomsFixture {

    static final String CUSTOMS = "/customs";
    /** The phone every test household's head gives; public pages must never show it. */
    static final String PHONE = "13966601234";

    private CustomsFixture() {
    }

    public static String base(String code) {
        return county(code) + CUSTOMS;
    }

    static String publicBase(String code) {
        return "/api/v1/public/counties/" + code + CUSTOMS;
    }

    public static void enable(String admin, String code, String module) {
        int status = as(admin).body(Map.of("enabled", true)).put(county(code) + "/modules/" + module + "/status")
                .statusCode();
        if (status != 200) {
            throw new IllegalStateException("Switching " + module + " on in " + code + " answered " + status);
        }
    }

    /** Jiyuan keeps tight caps; Anji looser ones and shows names in full. */
    static Map<String, Object> caps(boolean jiyuan) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bridePriceCapYuan", jiyuan ? 30_000 : 80_000);
        v.put("banquetTablesCap", jiyuan ? 10 : 20);
        v.put("guestsCap", jiyuan ? 100 : 200);
        v.put("giftPerGuestCapYuan", jiyuan ? 100 : 300);
        v.put("funeralDaysCap", 3);
        v.put("funeralTablesCap", jiyuan ? 8 : 15);
        v.put("publicCemeteryRequired", true);
        v.put("registrationDaysAhead", 7);
        v.put("councilDecisionDays", 3);
        v.put("appealDays", 15);
        v.put("noticeDays", 7);
        v.put("blackListMonths", 6);
        v.put("redListMonths", 12);
        v.put("nameDisplay", jiyuan ? "SURNAME_STAR" : "FULL");
        return v;
    }

    static void settings(String admin, String code, Map<String, Object> values) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int revision = as(admin).get(county(code) + "/modules/customs/settings").then().statusCode(200)
                    .extract().path("revision");
            Response r = as(admin).body(Map.of("revision", revision, "values", values))
                    .put(county(code) + "/modules/customs/settings");
            if (r.statusCode() == 200) {
                return;
            }
            if (r.statusCode() != 409) {
                throw new IllegalStateException("Settings refused: " + r.asString());
            }
        }
        throw new IllegalStateException("Settings kept changing underneath");
    }

    /** Both counties with customs on and their caps; Jiyuan's village council with a staff chair and a resident member. */
    public static void seed() {
        Territories.seedTwoCounties();
        enable("jiyuan-admin", Api.JIYUAN, "customs");
        enable("anji-admin", Api.ANJI, "customs");
        settings("jiyuan-admin", Api.JIYUAN, caps(true));
        settings("anji-admin", Api.ANJI, caps(false));
        seat("jiyuan-cadre", Api.JIYUAN, Territories.JIYUAN_VILLAGE, Map.of("username", "jiyuan-cadre",
                "name", "花石村支部书记", "role", "CHAIR"));
        seat("anji-cadre", Api.ANJI, Territories.ANJI_VILLAGE, Map.of("username", "anji-cadre", "name", "余村书记",
                "role", "CHAIR"));
        String zhang = linked("jiyuan-resident2", "张伟");
        seat("jiyuan-cadre", Api.JIYUAN, Territories.JIYUAN_VILLAGE, Map.of("residentId", zhang, "role", "MEMBER"));
    }

    private static void seat(String cadre, String code, String village, Map<String, Object> member) {
        int status = as(cadre).body(member).post(base(code) + "/villages/" + village + "/council").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Seating a council member answered " + status);
        }
    }

    /** The register entry linked to a login (linked to {@code name} first if no test linked it yet). */
    static String linked(String username, String name) {
        String residents = county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_VILLAGE + "/residents";
        String id = as("jiyuan-admin").queryParam("limit", 200).get(residents).then().statusCode(200).extract()
                .path("items.find { it.accountUsername == '" + username + "' }.id");
        if (id != null) {
            return id;
        }
        String resident = as("jiyuan-admin").queryParam("limit", 200).get(residents).then().statusCode(200).extract()
                .path("items.find { it.name == '" + name + "' }.id");
        as("jiyuan-admin").body(Map.of("username", username))
                .put(county(Api.JIYUAN) + "/territory/residents/" + resident + "/account").then().statusCode(200);
        return resident;
    }

    /** A household of its own with a head named {@code head}, for a test that needs a clean record. */
    public static String household(String admin, String code, String village, String head) {
        String number = "C" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(admin).body(Map.of("villageCode", village, "number", number))
                .post(county(code) + "/territory/households").then().statusCode(201).extract().path("ids[0]");
        as(admin).body(Map.of("villageCode", village, "householdNumber", number, "name", head, "gender", "MALE",
                "relation", "户主", "phone", PHONE))
                .post(county(code) + "/territory/residents").then().statusCode(201);
        return id;
    }

    public static Map<String, Object> plan(int tables, int guests, Long bridePrice, Long gift, Integer funeralDays,
                                    Boolean cemetery) {
        Map<String, Object> p = new HashMap<>();
        p.put("tables", tables);
        p.put("guests", guests);
        p.put("bridePriceYuan", bridePrice);
        p.put("giftPerGuestYuan", gift);
        p.put("funeralDays", funeralDays);
        p.put("publicCemetery", cemetery);
        p.values().removeIf(java.util.Objects::isNull);
        return p;
    }

    public static Map<String, Object> registration(String kind, String household, LocalDate on, Map<String, Object> plan) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", kind);
        if (household != null) {
            r.put("householdId", household);
        }
        r.put("eventDate", on.toString());
        r.put("venue", "村文化礼堂");
        r.put("plan", plan);
        return r;
    }

    /** Runs one of the module's jobs now through the platform's job endpoint; answers how many it processed. */
    static int runJob(String code, String admin, String job) {
        return as(admin).post(county(code) + "/modules/customs/jobs/" + job).then().statusCode(200).extract()
                .path("processed");
    }

    /** Every fact the recount finds in the module's tables equals what was recorded as changes happened. */
    static void assertFactsAgreeWithRecount(org.wangwu.platform.module.ModuleRegistry registry, String code)
            throws Throwable {
        org.wangwu.platform.tenancy.CountyCode county = org.wangwu.platform.tenancy.CountyCode.of(code);
        org.wangwu.platform.tenancy.TenantTransactions tx = io.quarkus.arc.Arc.container()
                .instance(org.wangwu.platform.tenancy.TenantTransactions.class).get();
        List<org.wangwu.platform.module.FactRecount.FactValue> recount = io.quarkus.vertx.VertxContextSupport
                .subscribeAndAwait(() -> tx.inCounty(county, s -> registry.find("customs").orElseThrow().recount()
                        .recount(s, county)));
        for (var v : recount) {
            long recorded = org.wangwu.server.support.Database.count("select coalesce(sum(value), 0) from daily_fact"
                    + " where tenant_id = '" + code + "' and module_key = 'customs' and fact = '" + v.fact()
                    + "' and day = '" + v.day() + "' and place_code = '" + v.placeCode() + "' and dimension = '"
                    + v.dimension() + "'");
            org.junit.jupiter.api.Assertions.assertEquals(v.value().longValue(), recorded, "fact " + v);
        }
    }

    static List<Map<String, Object>> publicList(String code, String list) {
        return io.restassured.RestAssured.given().get(publicBase(code) + "/" + list).then().statusCode(200).extract()
                .path("$");
    }
}
