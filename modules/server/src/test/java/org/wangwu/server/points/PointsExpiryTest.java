package org.wangwu.server.points;

import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.points.PointsFixture.key;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * Points are spent oldest first, so expiry takes exactly what is left of old awards; the job may run
 * twice, and expired points leave the balance and the leaderboard.
 */
@QuarkusTest
class PointsExpiryTest {

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
        Map<String, Object> values = PointsFixture.jiyuanSettings(0);
        values.put("expiryPolicy", "AFTER_MONTHS");
        values.put("expiryMonths", 1);
        PointsFixture.settings("jiyuan-admin", Api.JIYUAN, values);
    }

    @AfterEach
    void restore() {
        clock.reset();
        PointsFixture.settings("jiyuan-admin", Api.JIYUAN, PointsFixture.jiyuanSettings(0));
    }

    @Test
    void expiryTakesWhatIsLeftOfOldAwardsOnceAndLeavesTheLeaderboard() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        String markets = county(Api.JIYUAN) + POINTS + "/supermarkets";
        String market = as("jiyuan-cadre").body(Map.of("name", "过期测试超市", "placeCode", Territories.JIYUAN_VILLAGE,
                "clerks", List.of("jiyuan-clerk"))).post(markets).then().statusCode(201).extract().path("id");
        String soap = as("jiyuan-cadre").body(Map.of("name", "肥皂", "pricePoints", 4, "stock", 5))
                .post(markets + "/" + market + "/goods").then().statusCode(201).extract().path("id");

        // Two weeks later a second award; then 4 points are spent, from the oldest award.
        clock.advance(Duration.ofDays(14));
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        as("jiyuan-clerk").header("Idempotency-Key", key()).body(Map.of("accountId", account, "goodsId", soap,
                "quantity", 1)).post(markets + "/" + market + "/redemptions").then().statusCode(201);
        Assertions.assertEquals(16, PointsFixture.balance(account));

        // A month after the first award: only its remaining 6 points expire, once, however often the job runs.
        clock.advance(Duration.ofDays(20));
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/modules/points/jobs/expiry").then().statusCode(200);
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/modules/points/jobs/expiry").then().statusCode(200)
                .body("processed", equalTo(0));
        Assertions.assertEquals(10, PointsFixture.balance(account));
        List<Integer> expired = as("jiyuan-cadre").get(county(Api.JIYUAN) + POINTS + "/accounts/" + account
                + "/statement").then().statusCode(200).extract().path("items.findAll { it.kind == 'EXPIRY' }.points");
        Assertions.assertEquals(List.of(-6), expired);
        Assertions.assertEquals(1, Database.count("select count(*) from domain_event where type = "
                + "'points.points-expired' and aggregate_id = '" + account + "'"));
        // On the leaderboard: 20 earned, less the 6 that expired; spending does not lower a rank.
        List<Map<String, Object>> board = as("jiyuan-resident").queryParam("place", Territories.JIYUAN_VILLAGE)
                .queryParam("limit", 200).get(county(Api.JIYUAN) + POINTS + "/leaderboards").then().statusCode(200)
                .extract().path("$");
        Assertions.assertEquals(14L, board.stream().filter(l -> account.equals(l.get("accountId"))).findFirst()
                .map(l -> ((Number) l.get("points")).longValue()).orElseThrow());

        // Another month: the second award's 10 expire too, and the account is empty.
        clock.advance(Duration.ofDays(20));
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/modules/points/jobs/expiry").then().statusCode(200);
        Assertions.assertEquals(0, PointsFixture.balance(account));
        List<Map<String, Object>> after = as("jiyuan-resident").queryParam("place", Territories.JIYUAN_VILLAGE)
                .queryParam("limit", 200).get(county(Api.JIYUAN) + POINTS + "/leaderboards").then().statusCode(200)
                .extract().path("$");
        Assertions.assertEquals(4L, after.stream().filter(l -> account.equals(l.get("accountId"))).findFirst()
                .map(l -> ((Number) l.get("points")).longValue()).orElseThrow());
        as("jiyuan-cadre").post(county(Api.JIYUAN) + "/modules/points/jobs/expiry").then().statusCode(403);
    }
}
