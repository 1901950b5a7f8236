package org.wangwu.server.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.webhook.Webhooks.NOTICE_POSTED;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;

/**
 * A county administrator pauses, resumes and deletes a subscription, each audited: a paused one's
 * deliveries wait while another subscriber of the same event is served, and arrive on resume; a
 * deleted one gets nothing more and is gone. Receivers on 127.0.0.1 (loopback allowed in tests).
 */
@QuarkusTest
class WebhookSubscriptionLifecycleTest {

    @BeforeEach
    void prepare() {
        Webhooks.prepareAnji();
    }

    @Test
    void aPausedSubscriptionWaitsAResumedOneCatchesUpADeletedOneIsGone() {
        try (Receiver paused = Receiver.answering(204); Receiver other = Receiver.answering(204)) {
            String id = Webhooks.subscribe(paused.url("/hook"), NOTICE_POSTED);
            String otherId = Webhooks.subscribe(other.url("/hook"), NOTICE_POSTED);
            as("anji-cadre").post(county(Api.ANJI) + "/webhooks/" + id + "/pause").then().statusCode(403);
            as("jiyuan-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/pause").then().statusCode(403);
            as("anji-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/pause").then().statusCode(200)
                    .body("status", equalTo("PAUSED"));

            Webhooks.postNotice("暂停期间");
            Webhooks.awaitDeliveries(otherId, p -> Webhooks.count(p, "DELIVERED") == 1);
            JsonPath waiting = Webhooks.awaitDeliveries(id, p -> p.getInt("items.size()") == 1);
            assertEquals("PENDING", waiting.getString("items[0].status"));
            assertEquals(0, waiting.getInt("items[0].attempts"));
            assertTrue(paused.requests.isEmpty(), "nothing is sent to a paused subscription");

            as("anji-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/resume").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            Webhooks.awaitDeliveries(id, p -> Webhooks.count(p, "DELIVERED") == 1);
            assertEquals(1, paused.requests.size());

            as("anji-cadre").delete(county(Api.ANJI) + "/webhooks/" + id).then().statusCode(403);
            Webhooks.delete(id);
            as("anji-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(200)
                    .body("id", not(hasItem(id))).body("id", hasItem(otherId));
            as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(404);
            as("anji-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/resume").then().statusCode(404);
            as("anji-admin").delete(county(Api.ANJI) + "/webhooks/" + id).then().statusCode(404);

            Webhooks.postNotice("删除之后");
            Webhooks.awaitDeliveries(otherId, p -> Webhooks.count(p, "DELIVERED") == 2);
            assertEquals(1, paused.requests.size(), "a deleted subscription gets nothing more");

            for (String action : new String[] {"webhook.paused", "webhook.resumed", "webhook.deleted"}) {
                as("anji-admin").queryParam("action", action).queryParam("targetId", id)
                        .get(county(Api.ANJI) + "/audit/records").then().statusCode(200)
                        .body("items.size()", equalTo(1)).body("items[0].actor", equalTo("anji-admin"));
            }
            as("jiyuan-admin").queryParam("targetId", id).get(county(Api.JIYUAN) + "/audit/records").then()
                    .statusCode(200).body("items.size()", equalTo(0));
            Webhooks.delete(otherId);
        }
    }
}
