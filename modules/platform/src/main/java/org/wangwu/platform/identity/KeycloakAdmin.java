package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;

/**
 * The platform's own access to Keycloak's admin API, as the confidential client
 * {@code wangwu-platform} (client-credentials grant): the one place that knows the admin URL and
 * fetches the token, for {@link KeycloakOrganizations} and {@link StaffDirectory}.
 */
@ApplicationScoped
public class KeycloakAdmin {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "wangwu.keycloak.admin-client-id")
    String clientId;

    @ConfigProperty(name = "wangwu.keycloak.admin-client-secret")
    String clientSecret;

    private WebClient client;

    /** A GET or POST on {@code /admin/realms/<realm><path>}, authorised with a fresh service-account token. */
    public Uni<HttpRequest<Buffer>> request(io.vertx.core.http.HttpMethod method, String path) {
        return token().map(token -> web().requestAbs(method, adminUrl() + path).bearerTokenAuthentication(token)
                .timeout(10_000));
    }

    private Uni<String> token() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials").add("client_id", clientId).add("client_secret", clientSecret);
        return web().postAbs(realmUrl + "/protocol/openid-connect/token").timeout(10_000).sendForm(form)
                .onFailure().transform(e -> unavailable("Keycloak is not reachable: " + e.getMessage()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("Keycloak refused the platform's credentials (" + response.statusCode() + ")");
                    }
                    return response.bodyAsJsonObject().getString("access_token");
                });
    }

    /** {@code http://host/realms/wangwu} becomes {@code http://host/admin/realms/wangwu}. */
    private String adminUrl() {
        int realms = realmUrl.indexOf("/realms/");
        return realmUrl.substring(0, realms) + "/admin" + realmUrl.substring(realms);
    }

    private WebClient web() {
        if (client == null) {
            client = WebClient.create(vertx);
        }
        return client;
    }

    static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "identity-unavailable", "Service unavailable", detail));
    }
}
