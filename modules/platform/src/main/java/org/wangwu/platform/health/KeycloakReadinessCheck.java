package org.wangwu.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the realm that signs our tokens answers: without it no call can be authorised. */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements AsyncHealthCheck {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    private WebClient client;

    @Override
    public Uni<HealthCheckResponse> call() {
        if (client == null) {
            client = WebClient.create(vertx);
        }
        String discovery = realmUrl + "/.well-known/openid-configuration";
        return client.getAbs(discovery).timeout(3000).send()
                .map(response -> HealthCheckResponse.named("Keycloak").status(response.statusCode() == 200)
                        .withData("realm", realmUrl).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Keycloak").down()
                        .withData("realm", realmUrl).withData("error", String.valueOf(e.getMessage())).build())
                .ifNoItem().after(Duration.ofSeconds(4))
                .recoverWithItem(() -> HealthCheckResponse.named("Keycloak").down().withData("realm", realmUrl).build());
    }
}
