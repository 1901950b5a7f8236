package org.wangwu.server.disputes;

import static org.wangwu.server.support.Api.as;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Steps a mediator takes on an assigned case, for tests that need a case further along. */
public final class DisputeSteps {

    private DisputeSteps() {
    }

    static String holdSession(String mediator, String path) {
        String session = as(mediator).body(Map.of("scheduledAt", Instant.now().toString(), "place", "调解室"))
                .post(path + "/sessions").then().statusCode(201).extract().path("id");
        as(mediator).body(Map.of("heldAt", Instant.now().toString(), "participants", List.of("张伟", "刘某"),
                "minutes", "双方同意和解。")).post(path + "/sessions/" + session + "/record").then().statusCode(200);
        return session;
    }

    public static void agree(String mediator, String path) {
        holdSession(mediator, path);
        as(mediator).body(Map.of("terms", "刘某修好院墙排水槽。")).post(path + "/agreement").then().statusCode(201);
    }
}
