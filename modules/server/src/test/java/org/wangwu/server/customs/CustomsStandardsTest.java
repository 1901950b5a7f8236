package org.wangwu.server.customs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.wangwu.server.customs.CustomsFixture.base;
import static org.wangwu.server.customs.CustomsFixture.plan;
import static org.wangwu.server.customs.CustomsFixture.registration;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * County standards give each county its own verdicts; councils seat residents and staff; pledges
 * carry their signed page and count towards coverage; bad input changes nothing; the facts recorded
 * as things happen agree with a recount from the module's tables.
 */
@QuarkusTest
class CustomsStandardsTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

    @Inject
    PlatformClock clock;

    @Inject
    ModuleRegistry registry;

    @Inject
    TenantTransactions tx;

    @BeforeEach
    void seed() {
        CustomsFixture.seed();
    }

    @Test
    void twoCountiesWithDifferentCapsGiveDifferentVerdictsForTheSamePlan() {
        Map<String, Object> plan = plan(12, 120, 50_000L, 200L, null, null);
        String jiyuanHousehold = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "周杰");
        String anjiHousehold = CustomsFixture.household("anji-admin", Api.ANJI, Territories.ANJI_VILLAGE, "陈静");
        LocalDate on = clock.today().plusDays(3);
        as("jiyuan-cadre").body(registration("WEDDING", jiyuanHousehold, on, plan)).post(base(Api.JIYUAN) + "/registrations")
                .then().statusCode(201).body("excesses.cap", equalTo(List.of("TABLES", "GUESTS", "GIFT_PER_GUEST",
                        "BRIDE_PRICE"))).body("late", equalTo(true));
        as("anji-cadre").body(registration("WEDDING", anjiHousehold, on, plan)).post(base(Api.ANJI) + "/registrations")
                .then().statusCode(201).body("excesses", equalTo(List.of())).body("late", equalTo(true));
        // A cadre of one county cannot register a household of the other, even by id.
        as("anji-cadre").body(registration("WEDDING", jiyuanHousehold, on, plan)).post(base(Api.ANJI) + "/registrations")
                .then().statusCode(422);
    }

    @Test
    void councilsSeatResidentsWithLoginsAndStaffWithTheirRoles() {
        String council = base(Api.JIYUAN) + "/villages/" + Territories.JIYUAN_VILLAGE + "/council";
        as("jiyuan-resident").get(council).then().statusCode(200)
                .body("find { it.username == 'jiyuan-cadre' }.role", equalTo("CHAIR"))
                .body("find { it.username == 'jiyuan-resident2' }.role", equalTo("MEMBER"))
                .body("find { it.username == 'jiyuan-resident2' }.name", equalTo("张伟"));
        // A resident without a login cannot sit (nobody could sign in as them); residents do not seat members.
        String nobody = as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/"
                + Territories.JIYUAN_VILLAGE + "/residents").then().statusCode(200).extract()
                .path("items.find { it.name == '李秀英' }.id");
        as("jiyuan-cadre").body(Map.of("residentId", nobody, "role", "MEMBER")).post(council).then().statusCode(409);
        as("jiyuan-resident").body(Map.of("username", "someone", "name", "某人", "role", "MEMBER")).post(council)
                .then().statusCode(403);
        as("anji-cadre").get(base(Api.ANJI) + "/villages/" + Territories.ANJI_VILLAGE + "/council").then()
                .statusCode(200).body("username", not(hasItem("jiyuan-cadre")));
        // A member leaves and decides no more.
        String member = as("jiyuan-cadre").body(Map.of("username", "jiyuan-grid", "name", "网格员", "role", "SECRETARY"))
                .post(council).then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(Map.of("reason", "调任")).post(council + "/" + member + "/leaving").then().statusCode(200);
        as("jiyuan-cadre").get(council).then().body("username", not(hasItem("jiyuan-grid")));
    }

    @Test
    void pledgesCarryTheSignedPageAndCountTowardsCoverage() {
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "吴刚");
        String coverage = base(Api.JIYUAN) + "/pledges/coverage";
        long before = pledged();
        // Not a PDF, JPEG or PNG by its bytes: refused, nothing recorded.
        as("jiyuan-cadre").contentType("multipart/form-data").multiPart("householdId", household)
                .multiPart("file", "page.pdf", "not a pdf".getBytes(), "application/pdf")
                .post(base(Api.JIYUAN) + "/pledges").then().statusCode(422).contentType("application/problem+json");
        Assertions.assertEquals(before, pledged());
        as("jiyuan-resident").contentType("multipart/form-data").multiPart("householdId", household)
                .multiPart("file", "page.pdf", PDF, "application/pdf")
                .post(base(Api.JIYUAN) + "/pledges").then().statusCode(403);
        as("jiyuan-cadre").contentType("multipart/form-data").multiPart("householdId", household)
                .multiPart("signedOn", clock.today().toString()).multiPart("file", "page.pdf", PDF, "application/pdf")
                .post(base(Api.JIYUAN) + "/pledges").then().statusCode(201).body("householdName", equalTo("吴刚"))
                .body("pages[0].contentType", equalTo("application/pdf"));
        Assertions.assertEquals(before + 1, pledged());
        as("jiyuan-cadre").contentType("multipart/form-data").multiPart("householdId", household)
                .multiPart("file", "page.pdf", PDF, "application/pdf")
                .post(base(Api.JIYUAN) + "/pledges").then().statusCode(409);
        as("jiyuan-township").queryParam("place", Territories.JIYUAN_TOWNSHIP).get(coverage).then().statusCode(200)
                .body("find { it.villageCode == '" + Territories.JIYUAN_VILLAGE + "' }.pledged", equalTo((int) before + 1));
        as("anji-admin").queryParam("place", Territories.ANJI_VILLAGE).get(base(Api.ANJI) + "/pledges/coverage").then()
                .statusCode(200).body("villageCode", not(hasItem(Territories.JIYUAN_VILLAGE)));
    }

    private long pledged() {
        return ((Number) as("jiyuan-cadre").queryParam("place", Territories.JIYUAN_VILLAGE)
                .get(base(Api.JIYUAN) + "/pledges/coverage").then().statusCode(200).extract().path("[0].pledged"))
                .longValue();
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String registrations = base(Api.JIYUAN) + "/registrations";
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "郑和");
        long before = Database.count("select count(*) from customs_registration");
        Map<String, Object> good = registration("WEDDING", household, clock.today().plusDays(20),
                plan(5, 50, 0L, 50L, null, null));
        Map<String, Object> unknown = new HashMap<>(good);
        unknown.put("fireworks", true);
        Map<String, Object> past = new HashMap<>(good);
        past.put("eventDate", clock.today().minusDays(1).toString());
        Map<String, Object> funeralFigures = new HashMap<>(good);
        funeralFigures.put("plan", plan(5, 50, null, 50L, 3, true));
        Map<String, Object> negative = new HashMap<>(good);
        negative.put("plan", plan(-1, 50, 0L, 50L, null, null));
        Map<String, Object> stranger = new HashMap<>(good);
        stranger.put("householdId", UUID.randomUUID().toString());
        for (Map<String, Object> bad : List.of(unknown, past, funeralFigures, negative, stranger)) {
            as("jiyuan-cadre").body(bad).post(registrations).then().statusCode(anyOf(is(400), is(422)))
                    .contentType("application/problem+json");
        }
        as("jiyuan-cadre").body("{\"kind\": \"WEDDING\", ").post(registrations).then().statusCode(400);
        as("jiyuan-cadre").body(Map.of("decision", "APPROVED")).post(registrations + "/" + UUID.randomUUID() + "/decision")
                .then().statusCode(404).contentType("application/problem+json");
        as("jiyuan-cadre").queryParam("limit", 0).queryParam("village", Territories.JIYUAN_VILLAGE).get(registrations)
                .then().statusCode(422);
        // A resident registers only for their own household; another village is outside a cadre's reach.
        as("jiyuan-resident").body(good).post(registrations).then().statusCode(403);
        Map<String, Object> elsewhere = new HashMap<>(good);
        elsewhere.put("householdId", CustomsFixture.household("jiyuan-admin", Api.JIYUAN,
                Territories.JIYUAN_OTHER_VILLAGE, "钱进"));
        as("jiyuan-cadre").body(elsewhere).post(registrations).then().statusCode(403);
        Assertions.assertEquals(before, Database.count("select count(*) from customs_registration"));
        // A cap out of range is refused by the platform's settings validation, and the old caps stay.
        int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/customs/settings").then().extract()
                .path("revision");
        Map<String, Object> caps = CustomsFixture.caps(true);
        caps.put("bridePriceCapYuan", -1);
        as("jiyuan-admin").body(Map.of("revision", revision, "values", caps))
                .put(county(Api.JIYUAN) + "/modules/customs/settings").then().statusCode(422)
                .body("errors.field", hasItem("values.bridePriceCapYuan"));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/customs/settings").then()
                .body("values.bridePriceCapYuan", equalTo(30_000));
        // The module switched off answers 404 for that county, public pages included; Jiyuan is untouched.
        as("anji-admin").body(Map.of("enabled", false)).put(county(Api.ANJI) + "/modules/customs/status").then()
                .statusCode(200);
        try {
            as("anji-cadre").queryParam("village", Territories.ANJI_VILLAGE).get(base(Api.ANJI) + "/registrations")
                    .then().statusCode(404);
            given().get(CustomsFixture.publicBase(Api.ANJI) + "/red-list").then().statusCode(404);
            given().get(CustomsFixture.publicBase(Api.JIYUAN) + "/red-list").then().statusCode(200);
        } finally {
            CustomsFixture.enable("anji-admin", Api.ANJI, "customs");
        }
    }

    @Test
    void factsRecordedAsThingsHappenAgreeWithARecountFromTheModulesTables() throws Throwable {
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "冯远");
        String id = as("jiyuan-cadre").body(registration("BANQUET", household, clock.today(), plan(4, 40, null, 50L,
                null, null))).post(base(Api.JIYUAN) + "/registrations").then().statusCode(201).extract().path("id");
        as("jiyuan-cadre").body(Map.of("decision", "APPROVED_WITH_CONDITIONS", "note", "不燃放烟花"))
                .post(base(Api.JIYUAN) + "/registrations/" + id + "/decision").then().statusCode(200);
        as("jiyuan-cadre").body(Map.of("actual", plan(4, 40, null, 50L, null, null)))
                .post(base(Api.JIYUAN) + "/registrations/" + id + "/verification").then().statusCode(200)
                .body("compliant", equalTo(true)).body("moneySavedYuan", equalTo(50 * 40));
        as("jiyuan-cadre").body(Map.of("householdId", household, "reason", "宴席简办"))
                .post(base(Api.JIYUAN) + "/list-entries/commendations").then().statusCode(201);
        CustomsFixture.assertFactsAgreeWithRecount(registry, Api.JIYUAN);
        CountyCode jiyuan = CountyCode.of(Api.JIYUAN);
        List<FactValue> recount = VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(jiyuan,
                s -> registry.find("customs").orElseThrow().recount().recount(s, jiyuan)));
        Assertions.assertTrue(recount.stream().anyMatch(v -> v.fact().equals("registrations")
                && v.dimension().equals("BANQUET")));
        Assertions.assertTrue(recount.stream().anyMatch(v -> v.fact().equals("list-entries")
                && v.dimension().equals("RED")));
        // The red list shows the commended household's name as Jiyuan allows: surname and a star.
        Assertions.assertTrue(CustomsFixture.publicList(Api.JIYUAN, "red-list").stream()
                .anyMatch(e -> "冯*".equals(e.get("name"))));
    }
}
