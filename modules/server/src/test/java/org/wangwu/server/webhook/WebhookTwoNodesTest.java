package org.wangwu.server.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.webhook.Webhooks.NOTICE_POSTED;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.webhook.WebhookSender;
import org.wangwu.server.support.Api;

/**
 * Two platform nodes against one database send each webhook delivery once. The nodes are two senders
 * with their own node ids claiming side by side (plus this instance's own scheduled sender, a third),
 * against deliveries that all fall due at the same moment; the receiver, on 127.0.0.1 (loopback
 * allowed in tests), is slow enough that the claims overlap.
 */
@QuarkusTest
class WebhookTwoNodesTest {

    private static final int NOTICES = 12;

    @Inject
    WebhookSender sender;

    @BeforeEach
    void prepare() {
        Webhooks.prepareAnji();
    }

    @Test
    void eachDeliveryIsSentOnceByOneOfTheNodes() throws Exception {
        try (Receiver receiver = Receiver.answering((exchange, nth) -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
        })) {
            List<String> subscriptions = List.of(Webhooks.subscribe(receiver.url("/a"), NOTICE_POSTED),
                    Webhooks.subscribe(receiver.url("/b"), NOTICE_POSTED));
            // Paused, the deliveries pile up; resumed, they are all due at once.
            subscriptions.forEach(id -> as("anji-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/pause")
                    .then().statusCode(200));
            for (int i = 0; i < NOTICES; i++) {
                Webhooks.postNotice("并发 " + i);
            }
            subscriptions.forEach(id -> Webhooks.awaitDeliveries(id, p -> p.getInt("items.size()") == NOTICES));

            CyclicBarrier start = new CyclicBarrier(3);
            List<CompletableFuture<Integer>> nodes = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    int attempted = 0;
                    for (int round = 0; round < 50 && receiver.requests.size() < 2 * NOTICES; round++) {
                        attempted += send(node);
                    }
                    return attempted;
                }));
            }
            subscriptions.forEach(id -> as("anji-admin").post(county(Api.ANJI) + "/webhooks/" + id + "/resume")
                    .then().statusCode(200));
            await(start);
            for (CompletableFuture<Integer> node : nodes) {
                node.get(2, TimeUnit.MINUTES);
            }

            subscriptions.forEach(id -> Webhooks.awaitDeliveries(id, p -> Webhooks.count(p, "DELIVERED") == NOTICES));
            List<String> delivered = new ArrayList<>();
            subscriptions.forEach(id -> delivered.addAll(Webhooks.deliveries(id).getList("items.id")));
            assertEquals(2 * NOTICES, delivered.size());
            for (String delivery : delivered) {
                assertEquals(1, receiver.countOf(delivery), "delivery " + delivery + " arrived once");
            }
            assertEquals(2 * NOTICES, receiver.requests.size(), "nothing else arrived");
            subscriptions.forEach(Webhooks::delete);
        }
    }

    private int send(String node) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sender.sendDue(CountyCode.of(Api.ANJI), node));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
