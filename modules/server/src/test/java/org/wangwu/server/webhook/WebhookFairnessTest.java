package org.wangwu.server.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.webhook.Webhooks.NOTICE_POSTED;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One dead subscriber never holds up another: a receiver that takes the connection and never answers
 * costs the sender a timeout per attempt ({@code wangwu.webhooks.timeout}, 2 s in tests), yet a live
 * receiver of the same county and events gets all its deliveries while the dead one has seen only
 * the first of its own. Receivers on 127.0.0.1 (loopback allowed in tests).
 */
@QuarkusTest
class WebhookFairnessTest {

    private static final int NOTICES = 15;

    @BeforeEach
    void prepare() {
        Webhooks.prepareAnji();
    }

    @Test
    void aHangingReceiverDoesNotDelayALiveOne() {
        try (Receiver dead = Receiver.hanging(); Receiver live = Receiver.answering(204)) {
            // The dead one subscribes first, so oldest-first sending would meet it first every time.
            String deadId = Webhooks.subscribe(dead.url("/hook"), NOTICE_POSTED);
            String liveId = Webhooks.subscribe(live.url("/hook"), NOTICE_POSTED);
            for (int i = 0; i < NOTICES; i++) {
                Webhooks.postNotice("通知 " + i);
            }

            Webhooks.await(() -> live.requests.size() >= NOTICES, "the live receiver gets every notice");
            // Sent one after another, each a 2 s timeout, the dead receiver has seen a few requests, not all.
            int deadSeen = dead.requests.size();
            assertTrue(deadSeen < NOTICES, "the live receiver was served before the dead one's " + NOTICES
                    + " timeouts; the dead one saw " + deadSeen);
            assertEquals(NOTICES, live.requests.stream().map(Receiver.Request::delivery).distinct().count());
            Webhooks.awaitDeliveries(liveId, p -> Webhooks.count(p, "DELIVERED") == NOTICES);

            JsonPath failing = Webhooks.awaitDeliveries(deadId, p -> p.getInt("items.size()") == NOTICES
                    && !p.getList("items.findAll { it.lastFailure == 'TIMED_OUT' }").isEmpty());
            assertEquals(0, Webhooks.count(failing, "DELIVERED"));
            List<Map<String, Object>> timedOut = failing.getList("items.findAll { it.lastFailure == 'TIMED_OUT' }");
            timedOut.forEach(d -> {
                assertEquals("PENDING", d.get("status"), "a failed delivery is retried later");
                assertTrue(d.get("nextAttemptAt") != null && d.get("lastStatusCode") == null);
            });
            Webhooks.delete(deadId);
            Webhooks.delete(liveId);
        }
    }
}
