package org.wangwu.server.points;

import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.points.PointsFixture.key;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * The points bank records its daily facts with each ledger entry (issued and deducted by village and
 * rule category, redeemed, accounts active in the month, accounts open), and its recount from the
 * ledger says the same; another county's facts do not move.
 */
@QuarkusTest
class PointsFactsTest {

    @Inject
    ModuleRegistry registry;

    @Inject
    TenantTransactions tx;

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
    }

    @Test
    void eachLedgerEntryRecordsItsFactsAndTheRecountAgrees() throws Throwable {
        String village = Territories.JIYUAN_VILLAGE;
        long issued = fact(Api.JIYUAN, "points-issued", village);
        long deducted = fact(Api.JIYUAN, "points-deducted", village);
        long redeemed = fact(Api.JIYUAN, "points-redeemed", village);
        long active = fact(Api.JIYUAN, "accounts-active", village);
        long anji = Database.count("select count(*) from daily_fact where tenant_id = '" + Api.ANJI + "'");

        String household = PointsFixture.freshHousehold(village);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        PointsFixture.record("jiyuan-cadre", "DEDUCT", household).then().statusCode(201);
        String markets = county(Api.JIYUAN) + POINTS + "/supermarkets";
        String market = as("jiyuan-cadre").body(Map.of("name", "事实超市", "placeCode", village,
                "clerks", List.of("jiyuan-clerk"))).post(markets).then().statusCode(201).extract().path("id");
        String soap = as("jiyuan-cadre").body(Map.of("name", "肥皂", "pricePoints", 4, "stock", 5))
                .post(markets + "/" + market + "/goods").then().statusCode(201).extract().path("id");
        as("jiyuan-clerk").header("Idempotency-Key", key()).body(Map.of("accountId", account, "goodsId", soap,
                "quantity", 1)).post(markets + "/" + market + "/redemptions").then().statusCode(201);

        Assertions.assertEquals(issued + 20, fact(Api.JIYUAN, "points-issued", village));
        Assertions.assertEquals(deducted + 2, fact(Api.JIYUAN, "points-deducted", village));
        Assertions.assertEquals(redeemed + 4, fact(Api.JIYUAN, "points-redeemed", village));
        // Two awards and a redemption in one month: the account counts as active once.
        Assertions.assertEquals(active + 1, fact(Api.JIYUAN, "accounts-active", village));
        Assertions.assertEquals(1, Database.count("select count(*) from daily_fact where tenant_id = '" + Api.JIYUAN
                + "' and fact = 'points-issued' and dimension = 'VOLUNTEER_SERVICE' and place_code = '" + village + "' and day = '" + clock.today() + "'"),
                "awards are counted by their rule's category");
        // The level of a day counts the accounts opened on or before it (China time).
        long open = Database.count("select count(*) from points_account where tenant_id = '" + Api.JIYUAN
                + "' and village_code = '" + village + "' and cast(created_at at time zone 'Asia/Shanghai' as date) <= date '"
                + clock.today() + "'");
        Assertions.assertEquals(open, Database.count("select value::bigint from daily_fact where tenant_id = '"
                + Api.JIYUAN + "' and fact = 'accounts-open' and place_code = '" + village + "' and day = '"
                + clock.today() + "'"));
        Assertions.assertEquals(anji, Database.count("select count(*) from daily_fact where tenant_id = '" + Api.ANJI
                + "'"), "Jiyuan's ledger records no fact of Anji's");

        // The recount from the ledger gives every FLOW fact recorded as it happened.
        CountyCode jiyuan = CountyCode.of(Api.JIYUAN);
        ModuleDescriptor points = registry.find("points").orElseThrow();
        List<FactValue> recount = VertxContextSupport.subscribeAndAwait(
                () -> tx.inCounty(jiyuan, s -> points.recount().recount(s, jiyuan)));
        Map<String, BigDecimal> recounted = new TreeMap<>();
        // Compared: the FLOW facts of the ledger's amounts. The two account counts depend on the order in which days
        // came, and other tests in this JVM move the shared clock ahead and back; their own assertions are above.
        recount.stream().filter(v -> !v.fact().startsWith("accounts-")).forEach(v -> recounted.merge(
                v.fact() + "|" + v.day() + "|" + v.placeCode() + "|" + v.dimension(), v.value(), BigDecimal::add));
        Map<String, BigDecimal> recorded = new TreeMap<>();
        Database.rows("select fact, day, place_code, dimension, value from daily_fact where tenant_id = '" + Api.JIYUAN
                + "' and module_key = 'points' and fact not like 'accounts-%'").forEach(r -> recorded.put(
                r.get(0) + "|" + LocalDate.parse(r.get(1)) + "|" + r.get(2) + "|" + r.get(3), new BigDecimal(r.get(4))));
        Assertions.assertEquals(normalise(recorded), normalise(recounted));
    }

    @Test
    void anAccountFirstActiveTodayIsCountedTodayAndNoLongerOnALaterDayAlreadyRecorded() {
        String village = Territories.JIYUAN_VILLAGE;
        String household = PointsFixture.freshHousehold(village);
        LocalDate today = clock.today();
        LocalDate ahead = today.plusDays(10);
        long todayBefore = activeOn(village, today);
        long aheadBefore = activeOn(village, ahead);
        try {
            // A node whose clock runs ten days ahead posts the household's first award: counted on that later day.
            clock.advance(java.time.Duration.ofDays(10));
            Assertions.assertEquals(ahead, clock.today());
            PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        } finally {
            clock.reset();
        }
        Assertions.assertEquals(aheadBefore + 1, activeOn(village, ahead));

        // Today's award is the account's first of today's month: counted today, and in the same month not again later.
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        Assertions.assertEquals(todayBefore + 1, activeOn(village, today));
        boolean sameMonth = ahead.withDayOfMonth(1).equals(today.withDayOfMonth(1));
        Assertions.assertEquals(aheadBefore + (sameMonth ? 0 : 1), activeOn(village, ahead));

        // A third award changes neither day.
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        Assertions.assertEquals(todayBefore + 1, activeOn(village, today));
        Assertions.assertEquals(aheadBefore + (sameMonth ? 0 : 1), activeOn(village, ahead));
    }

    private static long activeOn(String village, LocalDate day) {
        return Database.count("select coalesce(sum(value), 0)::bigint from daily_fact where tenant_id = '" + Api.JIYUAN
                + "' and module_key = 'points' and fact = 'accounts-active' and place_code = '" + village
                + "' and day = '" + day + "'");
    }

    private static Map<String, BigDecimal> normalise(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
        return out;
    }

    private static long fact(String code, String fact, String place) {
        return Database.count("select coalesce(sum(value), 0)::bigint from daily_fact where tenant_id = '" + code
                + "' and module_key = 'points' and fact = '" + fact + "' and place_code = '" + place + "'");
    }
}
