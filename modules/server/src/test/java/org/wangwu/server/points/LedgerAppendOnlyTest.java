package org.wangwu.server.points;

import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.points.PointsFixture.POINTS;
import static org.wangwu.server.points.PointsFixture.key;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
import org.wangwu.server.support.WangwuTestEnvironment;

/**
 * The ledger is append-only: the database refuses the application role any UPDATE or DELETE of a
 * ledger row, a correction is a reversing entry, and a statement's running balance adds up.
 */
@QuarkusTest
class LedgerAppendOnlyTest {

    @BeforeEach
    void seed() {
        PointsFixture.seed(0);
    }

    @Test
    void theDatabaseRefusesTheApplicationRoleToChangeOrDeleteLedgerRows() throws SQLException {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        for (String sql : List.of(
                "update points_ledger_entry set points = 1000 where account_id = '" + account + "'",
                "delete from points_ledger_entry where account_id = '" + account + "'",
                "update points_redemption set points = 1",
                "delete from points_lot where account_id = '" + account + "'")) {
            SQLException refused = Assertions.assertThrows(SQLException.class, () -> asApplicationRole(sql), sql);
            Assertions.assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
        }
        Assertions.assertEquals(10, PointsFixture.balance(account));
    }

    @Test
    void aCorrectionIsAReversingEntryAndTheStatementRunsItsBalance() {
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        String entry = PointsFixture.record("jiyuan-grid", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("entryId");
        PointsFixture.record("jiyuan-grid", "DEDUCT", household).then().statusCode(201);
        String reversals = county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/entries/" + entry + "/reversal";

        as("jiyuan-grid").header("Idempotency-Key", key()).body(Map.of("reason", "重复登记"))
                .post(reversals).then().statusCode(403);
        String reversalKey = key();
        var reversal = as("jiyuan-cadre").header("Idempotency-Key", reversalKey).body(Map.of("reason", "重复登记"))
                .post(reversals).then().statusCode(201).body("kind", equalTo("REVERSAL")).body("points", equalTo(-10))
                .body("balanceAfter", equalTo(8)).extract();
        String entries = county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/entries/";
        org.junit.jupiter.api.Assertions.assertTrue(reversal.header("Location").endsWith(entries + reversal.path("id")),
                reversal.header("Location"));
        as("jiyuan-cadre").header("Idempotency-Key", reversalKey).body(Map.of("reason", "重复登记"))
                .post(reversals).then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", reversal.header("Location"));
        as("jiyuan-cadre").header("Idempotency-Key", key()).body(Map.of("reason", "again"))
                .post(reversals).then().statusCode(409).body("code", equalTo("already-reversed"));

        List<Map<String, Object>> lines = as("jiyuan-cadre").queryParam("limit", 2)
                .get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement").then().statusCode(200)
                .extract().path("items");
        String cursor = as("jiyuan-cadre").queryParam("limit", 2)
                .get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement").then().extract()
                .path("nextCursor");
        List<Map<String, Object>> rest = as("jiyuan-cadre").queryParam("limit", 2).queryParam("cursor", cursor)
                .get(county(Api.JIYUAN) + POINTS + "/accounts/" + account + "/statement").then().statusCode(200)
                .extract().path("items");
        Assertions.assertEquals(List.of("REVERSAL", "DEDUCTION"), lines.stream().map(l -> l.get("kind")).toList());
        Assertions.assertEquals(List.of("AWARD", "AWARD"), rest.stream().map(l -> l.get("kind")).toList());
        long running = 0;
        for (int i = rest.size() - 1; i >= 0; i--) {
            running += ((Number) rest.get(i).get("points")).longValue();
            Assertions.assertEquals(running, ((Number) rest.get(i).get("balanceAfter")).longValue());
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            running += ((Number) lines.get(i).get("points")).longValue();
            Assertions.assertEquals(running, ((Number) lines.get(i).get("balanceAfter")).longValue());
        }
        Assertions.assertEquals(running, PointsFixture.balance(account));
        // Another county cannot read the statement.
        as("anji-admin").get(county(Api.ANJI) + POINTS + "/accounts/" + account + "/statement").then().statusCode(404);
    }

    private static void asApplicationRole(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(WangwuTestEnvironment.superuserJdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("set local role wangwu_app");
                s.execute("select set_config('app.tenant_id', '" + Api.JIYUAN + "', true)");
                s.executeUpdate(sql);
            } finally {
                c.rollback();
            }
        }
    }
}
