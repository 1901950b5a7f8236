package org.wangwu.server.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.webhook.Webhooks.NOTICE_POSTED;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * Webhooks never reach into the platform's own network. The rest of the suite lets loopback through
 * for its local receivers; this class runs with {@code wangwu.webhooks.allow-loopback=false}, as
 * production does. No request leaves 127.0.0.1: refused URLs are never called, and the one
 * subscription that is accepted is pointed at loopback before any event can reach it.
 */
@QuarkusTest
@TestProfile(WebhookTargetSafetyTest.ProductionTargets.class)
class WebhookTargetSafetyTest {

    /** The address policy as deployed. */
    public static class ProductionTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wangwu.webhooks.allow-loopback", "false");
        }
    }

    @BeforeEach
    void prepare() {
        Webhooks.prepareAnji();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/hook", "http://[::1]/hook", "http://172.16.5.4/hook", "http://192.168.1.1/hook",
            "http://[fd00:ec2::254]/latest", "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0/hook",
            "http://224.0.0.1/hook", "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://100.100.100.200/",
            "https://user:pw@93.184.215.14/hook"})
    void registrationRefusesInternalTargets(String url) {
        as("anji-admin").body(Map.of("url", url, "eventTypes", List.of("*"))).post(county(Api.ANJI) + "/webhooks")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        as("anji-admin").get(county(Api.ANJI) + "/webhooks").then().statusCode(200)
                .body("url", org.hamcrest.Matchers.not(hasItem(url)));
    }

    /** A name that resolved to a public address when registered and resolves to 127.0.0.1 now. */
    @Test
    void everyDeliveryChecksTheAddressAgainAfterResolution() {
        try (Receiver receiver = Receiver.answering(204)) {
            String id = as("anji-admin").body(Map.of("url", "http://192.0.2.10/hook", "eventTypes", List.of("test.never-published")))
                    .post(county(Api.ANJI) + "/webhooks").then().statusCode(201).extract().path("id");
            // What a DNS change does to a registered name, done in the database: the name now means loopback.
            String rebound = receiver.url("/hook").replace("127.0.0.1", "localhost");
            assertEquals(1, Database.update("update webhook_subscription set url = '" + rebound + "', event_types = '"
                    + NOTICE_POSTED + "' where id = '" + id + "'"));

            Webhooks.postNotice("重新解析");

            JsonPath page = Webhooks.awaitDeliveries(id, p -> p.getInt("items.size()") == 1
                    && p.getInt("items[0].attempts") >= 1);
            assertEquals("ADDRESS_NOT_ALLOWED", page.getString("items[0].lastFailure"));
            assertNull(page.get("items[0].lastStatusCode"));
            assertTrue(receiver.requests.isEmpty(), "nothing was sent to loopback");
            Webhooks.delete(id);
        }
    }

    @Test
    void anotherCountysWebhookIsNotFound() {
        String id = as("anji-admin").body(Map.of("url", "http://192.0.2.11/hook", "eventTypes", List.of("test.never-published")))
                .post(county(Api.ANJI) + "/webhooks").then().statusCode(201).extract().path("id");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/webhooks/" + id + "/deliveries").then().statusCode(404)
                .contentType("application/problem+json");
        as("jiyuan-admin").post(county(Api.JIYUAN) + "/webhooks/" + id + "/pause").then().statusCode(404);
        as("jiyuan-admin").delete(county(Api.JIYUAN) + "/webhooks/" + id).then().statusCode(404);
        as("jiyuan-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(403);
        as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(0));
        Webhooks.delete(id);
        as("anji-admin").get(county(Api.ANJI) + "/webhooks/" + id + "/deliveries").then().statusCode(404);
    }
}
