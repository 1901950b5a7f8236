package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps Keycloak's Organizations in step with the county registry: onboarding a county creates the
 * organization (alias = county code) its staff and apps become members of.
 */
@ApplicationScoped
public class KeycloakOrganizations {

    private static final Logger LOG = Logger.getLogger(KeycloakOrganizations.class);

    @Inject
    KeycloakAdmin keycloak;

    /** Creates the county's organization; one that already exists (same alias) is accepted as it is. */
    public Uni<Void> ensureCounty(String code, String nameZh, String nameEn, String province) {
        JsonObject organization = new JsonObject()
                .put("name", nameZh + " (" + code + ")")
                .put("alias", code)
                .put("enabled", true)
                .put("description", nameEn)
                .put("attributes", new JsonObject().put("province", new JsonArray().add(province)));
        return keycloak.request(HttpMethod.POST, "/organizations")
                .chain(request -> request.sendJsonObject(organization))
                .map(response -> {
                    if (response.statusCode() == 201 || response.statusCode() == 409) {
                        return null;
                    }
                    LOG.errorf("Keycloak refused organization %s: %d %s", code, response.statusCode(), response.bodyAsString());
                    throw KeycloakAdmin.unavailable("Keycloak refused to create the county's organization ("
                            + response.statusCode() + ")");
                });
    }
}
