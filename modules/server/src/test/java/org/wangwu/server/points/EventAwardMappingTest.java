package org.wangwu.server.points;

import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Another module's event earns points through the platform's outbox, as the county maps event
 * types to catalogue rules: raised here as the customs module would raise a verified simple wedding.
 */
@QuarkusTest
class EventAwardMappingTest {

    @Inject
    DomainEvents events;

    @Inject
    TenantTransactions tx;

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
    }

    @Test
    void aMappedEventEarnsItsRuleOnceAndAnUnmappedOneNothing() throws Throwable {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        raise(Api.JIYUAN, "customs.wedding-verified", Map.of("householdId", household, "registrationId", "r-1"));
        raise(Api.JIYUAN, "customs.funeral-verified", Map.of("householdId", household));

        Map<String, Object> award = awaitAward(household);
        Assertions.assertEquals("WEDDING", award.get("ruleCode"));
        Assertions.assertEquals("EVENT", award.get("source"));
        Assertions.assertEquals("POSTED", award.get("status"));
        String account = (String) award.get("accountId");
        // Give the dispatcher time for a second pass: the event still earns once, the unmapped one nothing.
        Thread.sleep(5000);
        Assertions.assertEquals(6, PointsFixture.balance(account));
        Assertions.assertEquals(1, awards(household).size());
        // An Anji event naming a Jiyuan household earns nothing anywhere.
        raise(Api.ANJI, "customs.wedding-verified", Map.of("householdId", household));
        Thread.sleep(5000);
        Assertions.assertEquals(6, PointsFixture.balance(account));
    }

    private void raise(String code, String type, Map<String, Object> payload) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(CountyCode.of(code),
                s -> events.publish(s, CountyCode.of(code), type, "test-registration", java.util.UUID.randomUUID(),
                        payload)));
    }

    private Map<String, Object> awaitAward(String household) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            Optional<Map<String, Object>> found = awards(household).stream().findFirst();
            if (found.isPresent() && "POSTED".equals(found.get().get("status"))) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No award arrived for household " + household);
    }

    private List<Map<String, Object>> awards(String household) {
        List<Map<String, Object>> items = as("jiyuan-admin").queryParam("limit", 200)
                .queryParam("village", Territories.JIYUAN_VILLAGE)
                .get(county(Api.JIYUAN) + POINTS + "/awards").then().statusCode(200).extract().path("items");
        // Awards name their account, not the household: match through the account.
        return items.stream().filter(a -> "EVENT".equals(a.get("source")) && household.equals(accountHousehold(
                (String) a.get("accountId")))).toList();
    }

    private static String accountHousehold(String accountId) {
        return as("jiyuan-admin").get(county(Api.JIYUAN) + POINTS + "/accounts/" + accountId).then().statusCode(200)
                .extract().path("householdId");
    }
}
