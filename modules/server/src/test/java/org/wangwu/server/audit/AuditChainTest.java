package org.wangwu.server.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/** Every state change leaves a hash-chained record; tampering with a row is found and named. */
@QuarkusTest
class AuditChainTest {

    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
    }

    @Test
    void aWriteLeavesARecordWithWhoWhatAndTheRequestId() {
        as("jiyuan-admin").header("X-Request-Id", "audit-test-1").body(Map.of("enabled", true))
                .put(county(Api.JIYUAN) + "/modules/noticeboard/status").then().statusCode(200);
        as("jiyuan-admin").header("X-Request-Id", "audit-test-2").body(Map.of("enabled", false))
                .put(county(Api.JIYUAN) + "/modules/noticeboard/status").then().statusCode(200)
                .header("X-Request-Id", "audit-test-2");
        String cursor = as("jiyuan-admin").queryParam("actor", "jiyuan-admin").queryParam("targetType", "module")
                .queryParam("limit", 1)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("module.disabled"))
                .body("items[0].requestId", equalTo("audit-test-2"))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as("jiyuan-admin").queryParam("actor", "jiyuan-admin").queryParam("targetType", "module")
                .queryParam("limit", 1).queryParam("cursor", cursor)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items[0].action", equalTo("module.enabled"))
                .body("items[0].requestId", equalTo("audit-test-1"));
        // Another county's trail shows none of it.
        as("anji-admin").queryParam("actor", "jiyuan-admin").get(county(Api.ANJI) + "/audit/records").then()
                .statusCode(200).body("items", hasSize(0));
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/audit/records").then().statusCode(403);
    }

    @Test
    void verificationNamesTheFirstAlteredRecord() {
        as("linzhou-admin").body(Map.of("enabled", true)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");
        as("linzhou-admin").body(Map.of("enabled", false)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");
        as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("recordsVerified", greaterThan(1));

        long victim = Database.count("select min(seq) from audit_record where tenant_id = '" + Api.LINZHOU
                + "' and action = 'module.enabled'");
        Database.update("update audit_record set actor = 'someone-else' where tenant_id = '" + Api.LINZHOU
                + "' and seq = " + victim);
        try {
            as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) victim))
                    .body("recordsVerified", equalTo((int) Database.count("select count(*) from audit_record"
                            + " where tenant_id = '" + Api.LINZHOU + "' and seq < " + victim)));
            // Jiyuan's chain is a separate chain and still holds.
            as("jiyuan-admin").post(county(Api.JIYUAN) + "/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(true));
        } finally {
            Database.update("update audit_record set actor = 'linzhou-admin' where tenant_id = '" + Api.LINZHOU
                    + "' and seq = " + victim);
        }
    }

    /**
     * The chain is 32 interleaved shards: 40 records put two into one shard at least; deleting the
     * earlier of them, or swapping their places, is named at the later one's place.
     */
    @Test
    void verificationFindsADeletedOrReorderedRecord() {
        for (int i = 0; i < 20; i++) {
            as("linzhou-admin").body(Map.of("enabled", true)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");
            as("linzhou-admin").body(Map.of("enabled", false)).put(county(Api.LINZHOU) + "/modules/noticeboard/status");
        }
        String linzhou = "tenant_id = '" + Api.LINZHOU + "'";
        long shard = Database.count("select shard from audit_record where " + linzhou
                + " and shard > 0 group by shard having count(*) >= 2 order by shard limit 1");
        long first = Database.count("select max(seq) from audit_record where " + linzhou + " and shard = " + shard
                + " and seq < (select max(seq) from audit_record where " + linzhou + " and shard = " + shard + ")");
        long second = Database.count("select min(seq) from audit_record where " + linzhou + " and shard = " + shard
                + " and seq > " + first);
        as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));

        Database.update("drop table if exists audit_record_kept");
        Database.update("create table audit_record_kept as select * from audit_record where " + linzhou
                + " and seq = " + first);
        Database.update("delete from audit_record where " + linzhou + " and seq = " + first);
        try {
            as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBroken.seq", equalTo((int) second))
                    .body("firstBroken.reason", org.hamcrest.Matchers.startsWith("previous-hash link"));
        } finally {
            Database.update("insert into audit_record select * from audit_record_kept");
            Database.update("drop table audit_record_kept");
        }
        as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));

        swap(first, second);
        try {
            as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstBroken.seq", equalTo((int) first));
        } finally {
            swap(first, second);
        }
        as("linzhou-admin").post(county(Api.LINZHOU) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    private static void swap(long a, long b) {
        String linzhou = "tenant_id = '" + Api.LINZHOU + "'";
        Database.update("update audit_record set seq = -1 where " + linzhou + " and seq = " + a);
        Database.update("update audit_record set seq = " + a + " where " + linzhou + " and seq = " + b);
        Database.update("update audit_record set seq = " + b + " where " + linzhou + " and seq = -1");
    }

    @Test
    void theApplicationRoleCannotRewriteTheTrail() {
        org.junit.jupiter.api.Assertions.assertEquals(0, Database.count(
                "select count(*) from information_schema.role_table_grants where grantee = 'wangwu_app' "
                        + "and table_name = 'audit_record' and privilege_type in ('UPDATE', 'DELETE')"));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items.hash", everyItem(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
    }
}
