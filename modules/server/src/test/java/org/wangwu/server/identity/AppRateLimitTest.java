package org.wangwu.server.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.identity.AppRegistrationTest.JIYUAN_APPS;
import static org.wangwu.server.identity.AppRegistrationTest.register;
import static org.wangwu.server.identity.AppRegistrationTest.token;
import static org.wangwu.server.identity.AppRegistrationTest.withToken;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;

/** An app over its requests per minute gets 429 with Retry-After; other apps and staff go on as before. */
@QuarkusTest
class AppRateLimitTest {

    static final String RULES = county(Api.JIYUAN) + "/points/rules";

    @Inject
    PlatformClock clock;

    @BeforeEach
    void pointsOn() {
        Counties.onboardDemoCounties();
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/points/status")
                .then().statusCode(200);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theFourthCallOfAThreeAMinuteAppIsRefusedAndNoOneElseIsSlowed() {
        var limited = register("jiyuan-admin", JIYUAN_APPS, List.of("points"));
        var other = register("jiyuan-admin", JIYUAN_APPS, List.of("points"));
        as("jiyuan-admin").body(Map.of("requestsPerMinute", 3))
                .put(JIYUAN_APPS + "/" + limited.getString("id") + "/rate-limit")
                .then().statusCode(200).body("requestsPerMinute", equalTo(3));
        String limitedToken = token(limited.getString("clientId"), limited.getString("clientSecret"));
        String otherToken = token(other.getString("clientId"), other.getString("clientSecret"));

        for (int call = 1; call <= 3; call++) {
            withToken(limitedToken).get(RULES).then().statusCode(200);
        }
        String retryAfter = withToken(limitedToken).get(RULES).then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("rate-limited"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 61, "Retry-After within the minute: " + retryAfter);

        for (int call = 1; call <= 5; call++) {
            withToken(otherToken).get(RULES).then().statusCode(200);
            as("jiyuan-cadre").get(RULES).then().statusCode(200);
        }
        withToken(limitedToken).get(RULES).then().statusCode(429);

        // A minute later (the platform clock moved, not waited for) the app is served again.
        clock.advance(Duration.ofSeconds(61));
        withToken(limitedToken).get(RULES).then().statusCode(200);

        as("jiyuan-admin").queryParam("action", "app.rate-limit-changed").queryParam("targetId", limited.getString("id"))
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200).body("items[0].detail",
                        org.hamcrest.Matchers.containsString("\"after\":3"));
    }
}
