package org.wangwu.server.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.webhook.Webhooks.NOTICE_POSTED;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.webhook.SignedPost;
import org.wangwu.server.support.Api;

/**
 * A county's events reach its webhook signed, a failed delivery is retried, a redirect is not
 * followed, and it all shows. The receivers listen on 127.0.0.1, which the test profile allows
 * ({@code wangwu.webhooks.allow-loopback}); production refuses it (WebhookTargetSafetyTest).
 */
@QuarkusTest
class WebhookDeliveryTest {

    @BeforeEach
    void prepare() {
        Webhooks.prepareAnji();
    }

    @Test
    void anEventIsDeliveredSignedAndRetriedAfterAFailure() {
        // The receiving app is down for the first delivery attempt.
        try (Receiver receiver = Receiver.answering((exchange, nth) -> exchange.sendResponseHeaders(nth == 1 ? 503 : 204, -1))) {
            JsonPath created = as("anji-admin").body(Map.of("url", receiver.url("/hook"), "eventTypes", List.of(NOTICE_POSTED)))
                    .post(county(Api.ANJI) + "/webhooks").then().statusCode(201)
                    .body("secret", notNullValue()).body("status", equalTo("ACTIVE")).extract().jsonPath();
            String id = created.getString("id");
            String secret = created.getString("secret");
            as("anji-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(200)
                    .body("find { it.id == '" + id + "' }.secret", nullValue());

            Webhooks.postNotice("停水通知");

            Webhooks.await(() -> receiver.requests.size() >= 2, "one failed attempt and one retry");
            Webhooks.awaitDeliveries(id, page -> Webhooks.count(page, "DELIVERED") == 1);
            assertEquals(2, receiver.requests.size(), "one failed attempt and one retry");
            Receiver.Request last = receiver.requests.get(1);
            assertEquals(receiver.requests.get(0).delivery(), last.delivery(), "a retry is the same delivery");
            String timestamp = last.signature().split(",")[0].substring(2);
            assertEquals("v1=" + SignedPost.sign(secret, timestamp + "." + last.body()), last.signature().split(",")[1]);
            JsonPath body = new JsonPath(last.body());
            assertEquals(NOTICE_POSTED, body.getString("type"));
            assertEquals(Api.ANJI, body.getString("county"));
            assertEquals("停水通知", body.getString("data.title"));

            as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].attempts", equalTo(2)).body("items[0].lastStatusCode", equalTo(204))
                    .body("items[0].lastFailure", nullValue());
            assertTrue(receiver.requests.stream().noneMatch(r -> r.body().contains(Api.JIYUAN)), "nothing of another county");
            Webhooks.delete(id);
        }
    }

    @Test
    void aRedirectIsNotFollowedAndTheHistoryShowsOnlyTheStatus() {
        try (Receiver inside = Receiver.answering(204);
             Receiver redirecting = Receiver.answering((exchange, nth) -> {
                 exchange.getResponseHeaders().add("Location", inside.url("/internal"));
                 exchange.sendResponseHeaders(302, -1);
             })) {
            String id = Webhooks.subscribe(redirecting.url("/hook"), NOTICE_POSTED);
            Webhooks.postNotice("改道通知");

            JsonPath page = Webhooks.awaitDeliveries(id, p -> p.getInt("items.size()") == 1
                    && p.getInt("items[0].attempts") >= 1);
            assertEquals("PENDING", page.getString("items[0].status"));
            assertEquals(302, page.getInt("items[0].lastStatusCode"));
            assertEquals("REDIRECT_NOT_FOLLOWED", page.getString("items[0].lastFailure"));
            assertTrue(inside.requests.isEmpty(), "the redirect's target was never called");
            Webhooks.delete(id);
        }
    }

    @Test
    void onlyTheCountysAdministratorManagesItsWebhooks() {
        as("jiyuan-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(403);
        as("anji-cadre").get(county(Api.ANJI) + "/webhooks").then().statusCode(403);
        as("anji-admin").body(Map.of("url", "ftp://example.org/x", "eventTypes", List.of("*")))
                .post(county(Api.ANJI) + "/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
