package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Keeps Keycloak's Organizations in step with the county registry: onboarding a county creates the
 * organization (alias = county code) its staff and apps become members of.
 */
@ApplicationScoped
public class KeycloakOrganizations {

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
        return keycloak.send(HttpMethod.POST, "/organizations", organization).map(response -> {
            if (response.statusCode() != 409) {
                KeycloakAdmin.expect(response, 201, "create the county's organization");
            }
            return null;
        });
    }

    /** Makes a Keycloak user (a staff member, or an app's service account) a member of the county. */
    public Uni<Void> addMember(CountyCode county, String userId) {
        return keycloak.organizationId(county)
                .chain(org -> keycloak.send(HttpMethod.POST, "/organizations/" + org + "/members", userId))
                .map(response -> {
                    KeycloakAdmin.expect(response, 201, "add a member to county " + county);
                    return null;
                });
    }

    /** Whether the Keycloak user is a member of the county's organization. */
    public Uni<Boolean> isMember(CountyCode county, String userId) {
        return keycloak.organizationId(county)
                .chain(org -> keycloak.get("/organizations/" + org + "/members/" + userId))
                .map(response -> response.statusCode() == 200);
    }

    /** One page of the county's members, as Keycloak user representations. */
    public Uni<JsonArray> members(CountyCode county, int first, int max) {
        return keycloak.organizationId(county)
                .chain(org -> keycloak.get("/organizations/" + org + "/members?briefRepresentation=false&first="
                        + first + "&max=" + max))
                .map(response -> {
                    KeycloakAdmin.expect(response, 200, "list the members of county " + county);
                    return response.bodyAsJsonArray();
                });
    }
}
