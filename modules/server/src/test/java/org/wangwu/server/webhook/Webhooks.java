package org.wangwu.server.webhook;

import static org.junit.jupiter.api.Assertions.fail;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;

/** What the webhook tests do through the API: subscribe, post a notice that makes an event, wait for deliveries. */
final class Webhooks {

    static final String NOTICE_POSTED = "noticeboard.notice-posted";

    private Webhooks() {
    }

    /** Both counties onboarded, the notice board on in Anji: posting a notice there publishes an event. */
    static void prepareAnji() {
        Counties.onboardDemoCounties();
        as("anji-admin").body(Map.of("enabled", true)).put(county(Api.ANJI) + "/modules/noticeboard/status")
                .then().statusCode(200);
    }

    static String subscribe(String url, String... eventTypes) {
        return as("anji-admin").body(Map.of("url", url, "eventTypes", List.of(eventTypes)))
                .post(county(Api.ANJI) + "/webhooks").then().statusCode(201).extract().path("id");
    }

    static void postNotice(String title) {
        as("anji-admin").body(Map.of("title", title, "body", "周三上午停水"))
                .post(county(Api.ANJI) + "/noticeboard/notices").then().statusCode(201);
    }

    static JsonPath deliveries(String subscription) {
        return as("anji-admin").queryParam("limit", 200).get(county(Api.ANJI) + "/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The subscription's deliveries once they satisfy {@code until}; fails after a minute without. */
    static JsonPath awaitDeliveries(String subscription, Predicate<JsonPath> until) {
        JsonPath page = deliveries(subscription);
        for (int i = 0; i < 120 && !until.test(page); i++) {
            pause();
            page = deliveries(subscription);
        }
        if (!until.test(page)) {
            fail("Deliveries of " + subscription + " never got there: " + page.prettify());
        }
        return page;
    }

    static void await(BooleanSupplier condition, String what) {
        for (int i = 0; i < 120 && !condition.getAsBoolean(); i++) {
            pause();
        }
        if (!condition.getAsBoolean()) {
            fail("Never happened: " + what);
        }
    }

    static int count(JsonPath page, String status) {
        return page.getList("items.findAll { it.status == '" + status + "' }").size();
    }

    static void delete(String subscription) {
        as("anji-admin").delete(county(Api.ANJI) + "/webhooks/" + subscription).then().statusCode(204);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
