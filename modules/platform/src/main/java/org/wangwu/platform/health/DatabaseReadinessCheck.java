package org.wangwu.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database takes a write, checked on every call through the pool the requests use:
 * a transaction that is given a transaction id and commits (a server in recovery, read-only or gone
 * fails it). Liveness has no database check, so an outage never gets the pod restarted.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.withTransaction(connection -> connection.query("select txid_current()").execute())
                .map(rows -> HealthCheckResponse.named("Database").up().build())
                .ifNoItem().after(Duration.ofSeconds(3)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Database").down()
                        .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build());
    }
}
