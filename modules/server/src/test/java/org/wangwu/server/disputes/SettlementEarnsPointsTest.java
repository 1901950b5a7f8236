package org.wangwu.server.disputes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.event.EventDispatcher;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * A settled dispute earns its parties points, through the two modules' APIs only: the disputes
 * module names the parties' register entries in its event, the points module awards them as the
 * county maps that event. Jiyuan rewards households, Anji residents, each by its own catalogue; with
 * points switched off nothing is awarded and nothing fails.
 */
@QuarkusTest
class SettlementEarnsPointsTest {

    private static final String RESOLVED = "disputes.case-resolved";

    @Inject
    EventDispatcher dispatcher;

    @BeforeEach
    void counties() {
        DisputesFixture.twoCountiesWithDisputes();
        switchPoints("jiyuan-admin", Api.JIYUAN, true);
        switchPoints("anji-admin", Api.ANJI, true);
        settings("jiyuan-admin", Api.JIYUAN, "HOUSEHOLD", rule("SETTLED", 8), Map.of(RESOLVED, "SETTLED"));
        settings("anji-admin", Api.ANJI, "RESIDENT", rule("MEDIATED", 3), Map.of(RESOLVED, "MEDIATED"));
    }


    @Test
    void inJiyuanEachPartysHouseholdEarnsOnceByJiyuansCatalogue() {
        String village = Territories.JIYUAN_OTHER_VILLAGE;
        String first = household("jiyuan-admin", Api.JIYUAN, village);
        String second = household("jiyuan-admin", Api.JIYUAN, village);
        String applicant = resident("jiyuan-admin", Api.JIYUAN, village, first, "申请人甲");
        String respondent = resident("jiyuan-admin", Api.JIYUAN, village, second, "被申请人乙");
        String sameHousehold = resident("jiyuan-admin", Api.JIYUAN, village, first, "第三人丙");

        String id = settle(Api.JIYUAN, "jiyuan-admin", "VILLAGE", "jiyuan-mediator", Territories.JIYUAN_VILLAGE,
                List.of(party("APPLICANT", applicant), party("RESPONDENT", respondent), party("THIRD_PARTY", sameHousehold),
                        Map.of("role", "THIRD_PARTY", "name", "外村人丁")));

        Map<String, Object> firstAccount = awaitAccount("jiyuan-admin", Api.JIYUAN, village, first, 8);
        Map<String, Object> secondAccount = awaitAccount("jiyuan-admin", Api.JIYUAN, village, second, 8);
        assertEquals("HOUSEHOLD", firstAccount.get("holderType"));
        assertEquals("HOUSEHOLD", secondAccount.get("holderType"));
        // A second pass of the dispatcher changes nothing: the event earned each household once.
        dispatch(Api.JIYUAN);
        assertEquals(8L, balance("jiyuan-admin", Api.JIYUAN, (String) firstAccount.get("id")));
        assertEquals(2, Database.count("select count(*) from points_award a join domain_event e on e.id = a.event_id"
                + " where e.aggregate_id = '" + id + "' and a.rule_code = 'SETTLED'"));
        // The other county sees none of it.
        as("anji-admin").get(county(Api.ANJI) + "/points/accounts/" + firstAccount.get("id")).then().statusCode(404);
    }


    @Test
    void inAnjiEachPartyEarnsAsAResidentByAnjisCatalogueAndNothingWhilePointsAreOff() {
        String village = Territories.ANJI_VILLAGE;
        String family = household("anji-admin", Api.ANJI, village);
        String husband = resident("anji-admin", Api.ANJI, village, family, "丈夫");
        String wife = resident("anji-admin", Api.ANJI, village, family, "妻子");
        settle(Api.ANJI, "anji-admin", "COUNTY", "anji-mediator", village,
                List.of(party("APPLICANT", husband), party("RESPONDENT", wife)));
        Map<String, Object> his = awaitAccount("anji-admin", Api.ANJI, village, husband, 3);
        Map<String, Object> hers = awaitAccount("anji-admin", Api.ANJI, village, wife, 3);
        assertEquals("RESIDENT", his.get("holderType"));
        assertEquals("RESIDENT", hers.get("holderType"));

        // Points switched off: the settlement is delivered, earns nothing, and nothing is left failing.
        String neighbour = resident("anji-admin", Api.ANJI, village, household("anji-admin", Api.ANJI, village), "邻居");
        switchPoints("anji-admin", Api.ANJI, false);
        String id = settle(Api.ANJI, "anji-admin", "COUNTY", "anji-mediator", village,
                List.of(party("APPLICANT", neighbour), party("RESPONDENT", husband)));
        dispatch(Api.ANJI);
        dispatch(Api.ANJI);
        String event = "select id from domain_event where aggregate_id = '" + id + "' and type = '" + RESOLVED + "'";
        assertEquals(0, Database.count("select count(*) from domain_event_delivery where status = 'FAILED' and event_id in ("
                + event + ")"));
        switchPoints("anji-admin", Api.ANJI, true);
        dispatch(Api.ANJI);
        assertTrue(account("anji-admin", Api.ANJI, village, neighbour).isEmpty(), "no account was opened for the neighbour");
        assertEquals(3L, balance("anji-admin", Api.ANJI, (String) his.get("id")));
        assertEquals(0, Database.count("select count(*) from points_award where event_id in (" + event + ")"));
    }

    /** Takes a case in, triages it at a level, assigns the mediator, holds a session and records the agreement. */
    private static String settle(String code, String admin, String level, String mediator, String village,
                                 List<Map<String, Object>> parties) {
        String cases = county(code) + "/disputes/cases";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "WALK_IN");
        body.put("villageCode", village);
        body.put("title", "调解成功积分 " + UUID.randomUUID().toString().substring(0, 6));
        body.put("facts", "双方因宅基地界线发生争执。");
        body.put("parties", parties);
        String id = as(admin).body(body).post(cases).then().statusCode(201).extract().path("id");
        as(admin).body(Map.of("category", "land-homestead", "risk", "low", "level", level))
                .post(cases + "/" + id + "/triage").then().statusCode(200);
        as(admin).body(Map.of("mediators", List.of(mediator))).post(cases + "/" + id + "/assignment").then()
                .statusCode(200);
        DisputeSteps.agree(mediator, cases + "/" + id);
        return id;
    }

    private static Map<String, Object> party(String role, String residentId) {
        return Map.of("role", role, "residentId", residentId);
    }

    private void dispatch(String code) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch(CountyCode.of(code)));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Delivers the county's pending events (as the dispatcher's schedule would) until the account shows the balance. */
    private Map<String, Object> awaitAccount(String admin, String code, String village, String holder, long balance) {
        for (int i = 0; i < 30; i++) {
            dispatch(code);
            Optional<Map<String, Object>> found = account(admin, code, village, holder);
            if (found.isPresent() && ((Number) found.get().get("balance")).longValue() == balance) {
                return found.get();
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No account of " + holder + " with " + balance + " points in " + code + "; deliveries "
                + Database.text("select string_agg(d.consumer || ':' || d.status || ':' || coalesce(d.last_error, ''), ' | ')"
                        + " from domain_event_delivery d join domain_event e"
                        + " on e.id = d.event_id where e.type = '" + RESOLVED + "' and e.tenant_id = '" + code + "'")
                + "; awards " + Database.text("select string_agg(rule_code || ':' || status, ' | ') from points_award"
                        + " where tenant_id = '" + code + "' and source = 'EVENT'"));
    }

    private static Optional<Map<String, Object>> account(String admin, String code, String village, String holder) {
        String cursor = null;
        do {
            var request = as(admin).queryParam("place", village).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(county(code) + "/points/accounts").then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            Optional<Map<String, Object>> found = items.stream().filter(a -> holder.equals(a.get("holderId"))).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return Optional.empty();
    }

    private static long balance(String admin, String code, String accountId) {
        return ((Number) as(admin).get(county(code) + "/points/accounts/" + accountId).then().statusCode(200)
                .extract().path("balance")).longValue();
    }

    private static final Map<String, String> HOUSEHOLD_NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String household(String admin, String code, String village) {
        String number = "D" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(admin).body(Map.of("villageCode", village, "number", number))
                .post(county(code) + "/territory/households").then().statusCode(201).extract().path("ids[0]");
        HOUSEHOLD_NUMBERS.put(id, number);
        return id;
    }

    private static String resident(String admin, String code, String village, String householdId, String name) {
        return as(admin).body(Map.of("villageCode", village, "householdNumber", HOUSEHOLD_NUMBERS.get(householdId),
                        "name", name, "gender", "MALE"))
                .post(county(code) + "/territory/residents").then().statusCode(201).extract().path("ids[0]");
    }

    private static void switchPoints(String admin, String code, boolean on) {
        as(admin).body(Map.of("enabled", on)).put(county(code) + "/modules/points/status").then().statusCode(200);
    }

    private static Map<String, Object> rule(String code, int points) {
        return PointsFixture.rule(code, "矛盾纠纷调解成功 " + code, "CIVIC_PARTICIPATION", points, false, 0,
                List.of("county-admin"), false);
    }

    /** The county's current points settings with this holder, this rule added and this event mapping. */
    private static void settings(String admin, String code, String holder, Map<String, Object> rule,
                                 Map<String, String> eventRules) {
        String path = county(code) + "/modules/points/settings";
        var current = as(admin).get(path).then().statusCode(200).extract();
        Map<String, Object> values = new LinkedHashMap<>(current.path("values"));
        List<Map<String, Object>> rules = new ArrayList<>(current.<List<Map<String, Object>>>path("values.rules"));
        rules.removeIf(r -> rule.get("code").equals(r.get("code")));
        rules.add(rule);
        values.put("accountHolder", holder);
        values.put("rules", rules);
        values.put("disclosureDays", 0);
        values.put("eventRules", eventRules);
        int revision = current.path("revision");
        as(admin).body(Map.of("revision", revision, "values", values)).put(path).then().statusCode(200);
    }
}
