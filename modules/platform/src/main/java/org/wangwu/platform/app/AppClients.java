package org.wangwu.platform.app;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.KeycloakAdmin;
import org.wangwu.platform.identity.KeycloakOrganizations;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * The Keycloak side of a registered app, made the way the realm's demo apps are: a confidential
 * client with only the client-credentials grant, whose service-account user is a member of the
 * county's organization and holds the {@code third-party-app} role, with one client scope per module.
 */
@ApplicationScoped
public class AppClients {

    /** The scopes every app's token needs besides its modules: roles, county, reach. */
    private static final List<String> BASE_SCOPES = List.of("basic", "acr", "web-origins", "profile", "roles",
            "organization", "wangwu-reach", "service_account");

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakOrganizations organizations;

    /** Creates the client and answers its Keycloak id; a half-made client is deleted again. */
    public Uni<String> create(CountyCode county, String clientId, String name, String secret, Collection<String> modules) {
        JsonArray scopes = new JsonArray(new java.util.ArrayList<>(BASE_SCOPES));
        return moduleScopes(modules).chain(ignored -> {
            modules.forEach(m -> scopes.add(Caller.MODULE_SCOPE_PREFIX + m));
            JsonObject client = new JsonObject()
                    .put("clientId", clientId).put("name", name)
                    .put("description", "Third-party app of county " + county + ", registered through the platform")
                    .put("enabled", true).put("protocol", "openid-connect").put("publicClient", false)
                    .put("clientAuthenticatorType", "client-secret").put("secret", secret)
                    .put("standardFlowEnabled", false).put("implicitFlowEnabled", false)
                    .put("directAccessGrantsEnabled", false).put("serviceAccountsEnabled", true)
                    .put("frontchannelLogout", false).put("fullScopeAllowed", true)
                    .put("defaultClientScopes", scopes).put("optionalClientScopes", new JsonArray());
            return keycloak.send(HttpMethod.POST, "/clients", client);
        }).chain(response -> {
            KeycloakAdmin.expect(response, 201, "create the app's client");
            String id = KeycloakAdmin.createdId(response);
            return bindToCounty(county, id).replaceWith(id)
                    .onFailure().call(() -> delete(id));
        });
    }

    /** Gives the client exactly these module scopes; tokens issued from now on carry them. */
    public Uni<Void> changeModules(String keycloakId, Collection<String> before, Collection<String> after) {
        Set<String> added = new HashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new HashSet<>(before);
        removed.removeAll(after);
        Set<String> touched = new HashSet<>(added);
        touched.addAll(removed);
        return moduleScopes(touched).chain(ids -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String module : touched) {
                HttpMethod method = added.contains(module) ? HttpMethod.PUT : HttpMethod.DELETE;
                String path = "/clients/" + keycloakId + "/default-client-scopes/" + ids.getString(module);
                all = all.chain(() -> keycloak.send(method, path, null)
                        .invoke(r -> KeycloakAdmin.expect(r, 204, "change the app's module scopes")).replaceWithVoid());
            }
            return all;
        });
    }

    /** A new secret; the old one stops working at once (tokens already issued run to their expiry). */
    public Uni<String> rotateSecret(String keycloakId) {
        return keycloak.send(HttpMethod.POST, "/clients/" + keycloakId + "/client-secret", null).map(response -> {
            KeycloakAdmin.expect(response, 200, "rotate the app's secret");
            return response.bodyAsJsonObject().getString("value");
        });
    }

    /** Deletes the client and its service account: no new token can be had. */
    public Uni<Void> delete(String keycloakId) {
        return keycloak.send(HttpMethod.DELETE, "/clients/" + keycloakId, null).map(response -> {
            if (response.statusCode() != 404) {
                KeycloakAdmin.expect(response, 204, "delete the app's client");
            }
            return null;
        });
    }

    private Uni<Void> bindToCounty(CountyCode county, String keycloakId) {
        return keycloak.get("/clients/" + keycloakId + "/service-account-user").chain(response -> {
            KeycloakAdmin.expect(response, 200, "find the app's service account");
            String userId = response.bodyAsJsonObject().getString("id");
            return organizations.addMember(county, userId)
                    .chain(() -> keycloak.get("/roles/" + Role.THIRD_PARTY_APP.realmRole()))
                    .chain(role -> {
                        KeycloakAdmin.expect(role, 200, "find the third-party-app role");
                        JsonObject r = role.bodyAsJsonObject();
                        JsonArray grant = new JsonArray().add(new JsonObject().put("id", r.getString("id"))
                                .put("name", r.getString("name")));
                        return keycloak.send(HttpMethod.POST, "/users/" + userId + "/role-mappings/realm", grant);
                    })
                    .map(granted -> {
                        KeycloakAdmin.expect(granted, 204, "grant the app its role");
                        return null;
                    });
        });
    }

    /**
     * Keycloak's ids of the {@code module:<key>} client scopes, by module key; a module whose scope
     * the realm lacks (a module added after the realm was made) gets one.
     */
    private Uni<JsonObject> moduleScopes(Collection<String> modules) {
        return keycloak.get("/client-scopes").chain(response -> {
            KeycloakAdmin.expect(response, 200, "list the client scopes");
            JsonObject ids = new JsonObject();
            response.bodyAsJsonArray().stream().map(JsonObject.class::cast)
                    .filter(s -> s.getString("name").startsWith(Caller.MODULE_SCOPE_PREFIX))
                    .forEach(s -> ids.put(s.getString("name").substring(Caller.MODULE_SCOPE_PREFIX.length()), s.getString("id")));
            List<String> missing = modules.stream().filter(m -> !ids.containsKey(m)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(ids);
            }
            return Uni.join().all(missing.stream().map(m -> createScope(m).invoke(id -> ids.put(m, id))).toList())
                    .andFailFast().replaceWith(ids);
        });
    }

    private Uni<String> createScope(String module) {
        JsonObject scope = new JsonObject().put("name", Caller.MODULE_SCOPE_PREFIX + module).put("protocol", "openid-connect")
                .put("description", "Access to the " + module + " module's API")
                .put("attributes", new JsonObject().put("include.in.token.scope", "true")
                        .put("display.on.consent.screen", "false"));
        return keycloak.send(HttpMethod.POST, "/client-scopes", scope).map(response -> {
            KeycloakAdmin.expect(response, 201, "create the module's client scope");
            return KeycloakAdmin.createdId(response);
        });
    }
}
