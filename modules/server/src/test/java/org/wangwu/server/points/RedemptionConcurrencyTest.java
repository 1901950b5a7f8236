package org.wangwu.server.points;

import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.points.PointsFixture.key;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * The love supermarket's counter under load: many concurrent redemptions against one account and
 * one stock never overspend a point nor oversell an item; Idempotency-Key follows Stripe's rules.
 */
@QuarkusTest
class RedemptionConcurrencyTest {

    private static final String MARKETS = county(Api.JIYUAN) + POINTS + "/supermarkets";

    private String household;
    private String account;
    private String market;

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
        household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        // 5 awards of 10 points, posted at once (no review, no disclosure days).
        for (int i = 0; i < 5; i++) {
            account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                    .body("status", equalTo("POSTED")).extract().path("accountId");
        }
        market = as("jiyuan-cadre").body(Map.of("name", "花石村爱心超市", "placeCode", Territories.JIYUAN_VILLAGE,
                "clerks", List.of("jiyuan-clerk"))).post(MARKETS).then().statusCode(201)
                .body("clerks", equalTo(List.of("jiyuan-clerk"))).extract().path("id");
    }

    @Test
    void concurrentRedemptionsNeverOversellStock() throws Exception {
        String soap = goods("肥皂", 5, 3);
        List<Integer> statuses = fire(12, soap, 1);
        Assertions.assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        Assertions.assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        Assertions.assertEquals(0, stock(soap));
        Assertions.assertEquals(35, PointsFixture.balance(account));
        assertLedgerAddsUp();
    }

    @Test
    void concurrentRedemptionsNeverOverspendABalance() throws Exception {
        String oil = goods("食用油", 15, 100);
        List<Integer> statuses = fire(10, oil, 1);
        // 50 points buy three at 15 each; the rest are refused, none is counted twice.
        Assertions.assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        Assertions.assertEquals(5, PointsFixture.balance(account));
        Assertions.assertEquals(97, stock(oil));
        as("jiyuan-clerk").header("Idempotency-Key", key())
                .body(Map.of("accountId", account, "goodsId", oil, "quantity", 1))
                .post(MARKETS + "/" + market + "/redemptions").then().statusCode(409)
                .body("code", equalTo("insufficient-points")).body("context.balance", equalTo(5));
        assertLedgerAddsUp();
        Assertions.assertEquals(3, Database.count("select count(*) from domain_event where type = "
                + "'points.redemption-made' and payload like '%" + account + "%'"));
        // Concurrent appends, and awards that write two records in one transaction, keep the chain whole.
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void theSameKeyReplaysAndAnotherBodyIsRefused() {
        String towel = goods("毛巾", 2, 10);
        String k = key();
        Map<String, Object> body = Map.of("accountId", account, "goodsId", towel, "quantity", 2);
        String first = redeem("jiyuan-clerk", k, body).then().statusCode(201).body("points", equalTo(4))
                .body("balanceAfter", equalTo(46)).extract().path("id");
        redeem("jiyuan-clerk", k, body).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        redeem("jiyuan-clerk", k, Map.of("accountId", account, "goodsId", towel, "quantity", 3)).then().statusCode(422)
                .body("code", equalTo("idempotency-key-reused"));
        as("jiyuan-clerk").body(body).post(MARKETS + "/" + market + "/redemptions").then().statusCode(400);
        Assertions.assertEquals(46, PointsFixture.balance(account));
        Assertions.assertEquals(8, stock(towel));
        // Only this supermarket's clerks redeem, only for households it serves.
        redeem("jiyuan-cadre", key(), body).then().statusCode(403);
        redeem("anji-clerk", key(), body).then().statusCode(403);
        String nanxunHousehold = PointsFixture.freshHousehold(Territories.JIYUAN_OTHER_VILLAGE);
        String nanxunAccount = PointsFixture.record("jiyuan-admin", "RECORD-DIRECT", nanxunHousehold).then()
                .statusCode(201).extract().path("accountId");
        redeem("jiyuan-clerk", key(), Map.of("accountId", nanxunAccount, "goodsId", towel, "quantity", 1)).then()
                .statusCode(403);
        as("jiyuan-clerk").get(MARKETS + "/" + market + "/redemptions").then().statusCode(200)
                .body("items[0].id", equalTo(first)).body("items[0].goodsName", equalTo("毛巾"));
    }

    @Test
    void theCountysDailyLimitHolds() {
        Map<String, Object> values = PointsFixture.jiyuanSettings(0);
        values.put("maxRedemptionPerDay", 10);
        PointsFixture.settings("jiyuan-admin", Api.JIYUAN, values);
        String rice = goods("大米", 6, 10);
        redeem("jiyuan-clerk", key(), Map.of("accountId", account, "goodsId", rice, "quantity", 1)).then()
                .statusCode(201);
        redeem("jiyuan-clerk", key(), Map.of("accountId", account, "goodsId", rice, "quantity", 1)).then()
                .statusCode(409).body("code", equalTo("redemption-limit"));
    }

    private List<Integer> fire(int n, String goodsId, int quantity) throws Exception {
        // Tokens are fetched up front so that the requests really overlap.
        RequestSpecification[] specs = new RequestSpecification[n];
        for (int i = 0; i < n; i++) {
            specs[i] = as("jiyuan-clerk").header("Idempotency-Key", key())
                    .body(Map.of("accountId", account, "goodsId", goodsId, "quantity", quantity));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (RequestSpecification spec : specs) {
                Callable<Integer> call = () -> spec.post(MARKETS + "/" + market + "/redemptions").statusCode();
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(120, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The gate's checks run inside the redemption's own transaction: a refusal there changes nothing. */
    @Test
    void theGateInsideTheRedemptionsTransactionRefusesASuspendedCountyOrASwitchedOffModule() {
        String soap = goods("香皂", 1, 10);
        Map<String, Object> body = Map.of("accountId", account, "goodsId", soap, "quantity", 1);
        String k1 = key();
        as("jiyuan-admin").body(Map.of("enabled", false)).put(county(Api.JIYUAN) + "/modules/points/status").then()
                .statusCode(200);
        try {
            redeem("jiyuan-clerk", k1, body).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("module-not-enabled"));
        } finally {
            PointsFixture.enable("jiyuan-admin", Api.JIYUAN);
        }
        as("operator").body(Map.of("reason", "bench")).post("/api/v1/platform/counties/" + Api.JIYUAN + "/suspend")
                .then().statusCode(200);
        try {
            redeem("jiyuan-clerk", k1, body).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("county-suspended"));
            PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(403)
                    .body("code", equalTo("county-suspended"));
        } finally {
            as("operator").body(Map.of()).post("/api/v1/platform/counties/" + Api.JIYUAN + "/reactivate").then()
                    .statusCode(200);
        }
        Assertions.assertEquals(0, Database.count("select count(*) from idempotency_record where idem_key = '" + k1 + "'"));
        Assertions.assertEquals(10, stock(soap));
        Assertions.assertEquals(50, PointsFixture.balance(account));
        // Back on and active: the same key now redeems.
        redeem("jiyuan-clerk", k1, body).then().statusCode(201);
        Assertions.assertEquals(9, stock(soap));
    }

    private String goods(String name, int price, int stock) {
        return as("jiyuan-cadre").body(Map.of("name", name, "pricePoints", price, "stock", stock))
                .post(MARKETS + "/" + market + "/goods").then().statusCode(201).extract().path("id");
    }

    private int stock(String goodsId) {
        List<Map<String, Object>> goods = as("jiyuan-clerk").get(MARKETS + "/" + market + "/goods").then()
                .statusCode(200).extract().path("$");
        return goods.stream().filter(g -> goodsId.equals(g.get("id"))).findFirst()
                .map(g -> ((Number) g.get("stock")).intValue()).orElseThrow();
    }

    private io.restassured.response.Response redeem(String user, String k, Map<String, Object> body) {
        return as(user).header("Idempotency-Key", k).body(body).post(MARKETS + "/" + market + "/redemptions");
    }

    /** The balance is the sum of the entries, and what the lots still hold; for every account. */
    private void assertLedgerAddsUp() {
        Assertions.assertEquals(0, Database.count("""
                select count(*) from points_account a where a.balance <> (select coalesce(sum(points), 0)
                  from points_ledger_entry e where e.tenant_id = a.tenant_id and e.account_id = a.id)
                or a.balance <> (select coalesce(sum(remaining), 0) from points_lot l
                  where l.tenant_id = a.tenant_id and l.account_id = a.id)"""));
        Assertions.assertEquals(0, Database.count("select count(*) from points_goods where stock < 0"));
    }
}
