package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;

/**
 * Keeps Keycloak's Organizations in step with the county registry: onboarding a county creates the
 * organization (alias = county code) its staff and apps become members of. Uses the confidential
 * client {@code wangwu-platform}, whose service account may manage organizations.
 */
@ApplicationScoped
public class KeycloakOrganizations {

    private static final Logger LOG = Logger.getLogger(KeycloakOrganizations.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "wangwu.keycloak.admin-client-id")
    String clientId;

    @ConfigProperty(name = "wangwu.keycloak.admin-client-secret")
    String clientSecret;

    private WebClient client;

    /** Creates the county's organization; one that already exists (same alias) is accepted as it is. */
    public Uni<Void> ensureCounty(String code, String nameZh, String nameEn, String province) {
        JsonObject organization = new JsonObject()
                .put("name", nameZh + " (" + code + ")")
                .put("alias", code)
                .put("enabled", true)
                .put("description", nameEn)
                .put("attributes", new JsonObject().put("province", new JsonArray().add(province)));
        return adminToken().chain(token -> web().postAbs(adminUrl() + "/organizations")
                        .bearerTokenAuthentication(token).timeout(10_000).sendJsonObject(organization))
                .map(response -> {
                    if (response.statusCode() == 201 || response.statusCode() == 409) {
                        return null;
                    }
                    LOG.errorf("Keycloak refused organization %s: %d %s", code, response.statusCode(), response.bodyAsString());
                    throw unavailable("Keycloak refused to create the county's organization (" + response.statusCode() + ")");
                });
    }

    private Uni<String> adminToken() {
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

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "identity-unavailable", "Service unavailable", detail));
    }
}
