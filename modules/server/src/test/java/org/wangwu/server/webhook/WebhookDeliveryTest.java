package org.wangwu.server.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.webhook.WebhookSender;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;

/** A county's events reach its webhook signed, a failed delivery is retried, and it all shows. */
@QuarkusTest
class WebhookDeliveryTest {

    /** What the receiving app saw. */
    private record Received(String signature, String delivery, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        Counties.onboardDemoCounties();
        as("anji-admin").body(Map.of("enabled", true)).put(county(Api.ANJI) + "/modules/noticeboard/status")
                .then().statusCode(200);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_HEADER),
                    new String(body, StandardCharsets.UTF_8)));
            // The receiving app is down for the first delivery attempt.
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void anEventIsDeliveredSignedAndRetriedAfterAFailure() throws InterruptedException {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        JsonPath created = as("anji-admin").body(Map.of("url", url, "eventTypes", List.of("noticeboard.notice-posted")))
                .post(county(Api.ANJI) + "/webhooks").then().statusCode(201)
                .body("secret", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        as("anji-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.secret", nullValue());

        as("anji-admin").body(Map.of("title", "停水通知", "body", "周三上午停水"))
                .post(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(201);

        for (int i = 0; i < 60 && received.size() < 2; i++) {
            Thread.sleep(500);
        }
        assertEquals(2, received.size(), "one failed attempt and one retry");
        Received last = received.get(1);
        assertEquals(received.get(0).delivery(), last.delivery(), "a retry is the same delivery");
        String timestamp = last.signature().split(",")[0].substring(2);
        assertEquals("v1=" + WebhookSender.sign(secret, timestamp + "." + last.body()), last.signature().split(",")[1]);
        JsonPath body = new JsonPath(last.body());
        assertEquals("noticeboard.notice-posted", body.getString("type"));
        assertEquals(Api.ANJI, body.getString("county"));
        assertEquals("停水通知", body.getString("data.title"));

        as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].status", equalTo("DELIVERED")).body("[0].attempts", equalTo(2))
                .body("[0].lastStatusCode", equalTo(204));
        assertTrue(received.stream().noneMatch(r -> r.body().contains("419001")), "nothing of another county");
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
