package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Looks up a county's staff in Keycloak by username, with the same facts their token would carry
 * (realm roles, county, township and village reach), so that a module can check a person it is
 * about to name (a mediator to assign) before they ever sign in.
 */
@ApplicationScoped
public class StaffDirectory {

    @Inject
    KeycloakAdmin keycloak;

    /** A person as Keycloak knows them. */
    public record StaffMember(String username, Set<String> roles, Optional<String> township, Optional<String> village) {

        public boolean has(Role role) {
            return roles.contains(role.realmRole());
        }
    }

    /** The member of the county's organization with this username, or null when there is none. */
    public Uni<StaffMember> find(CountyCode county, String username) {
        String query = "/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8);
        return keycloak.request(HttpMethod.GET, query).chain(r -> r.send()).chain(users -> {
            JsonArray found = users.statusCode() == 200 ? users.bodyAsJsonArray() : new JsonArray();
            if (found.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            JsonObject user = found.getJsonObject(0);
            String id = user.getString("id");
            return inCounty(id, county).chain(member -> !member ? Uni.createFrom().<StaffMember>nullItem()
                    : keycloak.request(HttpMethod.GET, "/users/" + id + "/role-mappings/realm").chain(r -> r.send())
                    .map(roles -> new StaffMember(user.getString("username"), names(roles.bodyAsJsonArray()),
                            attribute(user, "township"), attribute(user, "village"))));
        });
    }

    private Uni<Boolean> inCounty(String userId, CountyCode county) {
        return keycloak.request(HttpMethod.GET, "/organizations/members/" + userId + "/organizations")
                .chain(r -> r.send())
                .map(response -> response.statusCode() == 200 && response.bodyAsJsonArray().stream()
                        .map(JsonObject.class::cast).anyMatch(o -> county.value().equals(o.getString("alias"))));
    }

    private static Set<String> names(JsonArray roles) {
        Set<String> names = new HashSet<>();
        roles.forEach(r -> names.add(((JsonObject) r).getString("name")));
        return names;
    }

    private static Optional<String> attribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray values = attributes == null ? null : attributes.getJsonArray(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getString(0));
    }
}
