package org.wangwu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.error.Problem;

/**
 * A body over {@code quarkus.http.limits.max-body-size} gets a 413 problem document: Quarkus's own check
 * (route order -2) answers with an empty body. The body is read and dropped first, so that a client
 * still sending it sees the answer rather than a reset connection; one far over the limit is cut short.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Quarkus's upload-limit route is at order -2 (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT); ours runs just before it. */
    private static final int BEFORE_QUARKUS_LIMIT = -3;
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= limit.asLongValue()) {
            context.next();
            return;
        }
        String body = problem(context.request().path());
        if (declared > DRAIN_AT_MOST || context.request().getHeader(HttpHeaders.EXPECT) != null) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, body);
            return;
        }
        context.request().handler(ignored -> { });
        context.request().endHandler(ignored -> send(context, body));
    }

    private static void send(RoutingContext context, String body) {
        if (!context.response().ended()) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        }
    }

    private String problem(String path) {
        try {
            return json.writeValueAsString(Problem.of(413, "payload-too-large", "Content too large",
                    "The request body is larger than the " + limit.asLongValue() + " bytes the server accepts").withInstance(path));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
