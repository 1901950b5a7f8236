package org.wangwu.platform.identity;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.StaffDirectory.StaffMember;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;

/**
 * Staff accounts of a county, kept in Keycloak: created as members of the county's organization
 * with county roles and a reach (township, village attributes) inside the county; roles and reach
 * changed, accounts disabled, temporary passwords set. Platform and provincial roles are never
 * granted here. Every change is audited in the county's chain.
 */
@ApplicationScoped
public class StaffAccounts {

    /** The roles a county may give its own people; the others belong to the platform and provinces. */
    public static final Set<Role> COUNTY_ROLES = EnumSet.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL,
            Role.VILLAGE_CADRE, Role.MEDIATOR, Role.GRID_WORKER, Role.RESIDENT, Role.SUPERMARKET_CLERK);
    private static final Set<String> COUNTY_ROLE_NAMES = COUNTY_ROLES.stream().map(Role::realmRole)
            .collect(Collectors.toSet());

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakOrganizations organizations;

    @Inject
    StaffDirectory directory;

    @Inject
    TenantTransactions tx;

    @Inject
    AuditLog audit;

    @Inject
    PlaceDirectory places;

    /** A new account: who, with which county roles and reach, and a first password. */
    public record NewAccount(String username, String firstName, String lastName, String email, Set<String> roles,
                             String township, String village, String password, boolean temporaryPassword) {
    }

    /** What a county administrator may change about an account: its county roles and its reach. */
    public record Access(Set<String> roles, String township, String village) {
    }

    public Uni<StaffMember> create(Caller caller, CountyCode county, NewAccount in) {
        Set<String> roles = countyRoles(in.roles());
        return tx.inCounty(county, session -> reach(session, county, in.township(), in.village())
                .chain(reach -> createUser(county, in, roles, reach)
                        .chain(() -> directory.find(county, in.username()))
                        .call(member -> audit.record(session, county, caller, "staff.created", "staff",
                                member.username(), describe(member)))));
    }

    public Uni<StaffMember> changeAccess(Caller caller, CountyCode county, String username, Access in) {
        Set<String> roles = countyRoles(in.roles());
        return tx.inCounty(county, session -> manageable(county, username)
                .chain(member -> reach(session, county, in.township(), in.village())
                        .chain(reach -> updateUser(member, user -> user.getJsonObject("attributes", new JsonObject())
                                .put("township", values(reach.get("township")))
                                .put("village", values(reach.get("village")))))
                        .chain(() -> changeRoles(member.id(), member.roles(), roles)))
                .chain(() -> directory.find(county, username))
                .call(member -> audit.record(session, county, caller, "staff.access-changed", "staff", username,
                        describe(member))));
    }

    public Uni<StaffMember> setEnabled(Caller caller, CountyCode county, String username, boolean enabled) {
        return tx.inCounty(county, session -> manageable(county, username)
                .chain(member -> updateUser(member, user -> user.put("enabled", enabled)))
                .chain(() -> directory.find(county, username))
                .call(member -> audit.record(session, county, caller, enabled ? "staff.enabled" : "staff.disabled",
                        "staff", username, Map.of())));
    }

    /** Sets a temporary password: Keycloak makes the person choose a new one at their next sign-in. */
    public Uni<StaffMember> setTemporaryPassword(Caller caller, CountyCode county, String username, String password) {
        JsonObject credential = new JsonObject().put("type", "password").put("value", password).put("temporary", true);
        return tx.inCounty(county, session -> manageable(county, username)
                .chain(member -> keycloak.send(HttpMethod.PUT, "/users/" + member.id() + "/reset-password", credential))
                .invoke(response -> KeycloakAdmin.expect(response, 204, "set a temporary password"))
                .chain(() -> directory.find(county, username))
                .call(member -> audit.record(session, county, caller, "staff.temporary-password-set", "staff",
                        username, Map.of())));
    }

    /** Only county roles, by their realm names; anything else is refused before Keycloak is asked. */
    private static Set<String> countyRoles(Set<String> requested) {
        Set<String> refused = requested.stream().filter(r -> !COUNTY_ROLE_NAMES.contains(r))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!refused.isEmpty()) {
            throw ProblemException.invalidField("roles", "a county grants only county roles ("
                    + String.join(", ", new java.util.TreeSet<>(COUNTY_ROLE_NAMES)) + "), not " + String.join(", ", refused));
        }
        return requested;
    }

    /** The county member with this username whose account a county may manage (no platform roles). */
    private Uni<StaffMember> manageable(CountyCode county, String username) {
        return directory.find(county, username).map(member -> {
            if (member == null || member.username().startsWith("service-account-")) {
                throw ProblemException.notFound("Staff member", username);
            }
            if (!COUNTY_ROLE_NAMES.containsAll(member.roles())) {
                throw ProblemException.forbidden("not-permitted",
                        "The account of " + username + " holds a platform or provincial role; a county cannot change it");
            }
            return member;
        });
    }

    /**
     * The reach as it will be stored: a township and a village of this county's register, the
     * village inside the township; a village alone brings its township.
     */
    private Uni<Map<String, String>> reach(Mutiny.Session session, CountyCode county, String township, String village) {
        Map<String, String> reach = new LinkedHashMap<>();
        if (township != null && !county.contains(township)) {
            throw ProblemException.invalidField("township", "is not a township of county " + county);
        }
        if (village != null && !county.contains(village)) {
            throw ProblemException.invalidField("village", "is not a village of county " + county);
        }
        if (village != null && township != null && !village.startsWith(township)) {
            throw ProblemException.invalidField("village", "is not a village of township " + township);
        }
        Uni<Void> townshipKnown = township == null ? Uni.createFrom().voidItem()
                : places.township(session, township).map(t -> {
                    if (t == null) {
                        throw ProblemException.invalidField("township", "is not in the county's register");
                    }
                    return null;
                });
        return townshipKnown.chain(() -> village == null ? Uni.createFrom().nullItem() : places.village(session, village))
                .map(v -> {
                    if (village != null && v == null) {
                        throw ProblemException.invalidField("village", "is not in the county's register");
                    }
                    reach.put("township", v != null ? v.townshipCode() : township);
                    reach.put("village", village);
                    return reach;
                });
    }

    private Uni<Void> createUser(CountyCode county, NewAccount in, Set<String> roles, Map<String, String> reach) {
        JsonObject user = new JsonObject()
                .put("username", in.username()).put("firstName", in.firstName()).put("lastName", in.lastName())
                .put("email", in.email()).put("emailVerified", in.email() != null).put("enabled", true)
                .put("attributes", new JsonObject().put("township", values(reach.get("township")))
                        .put("village", values(reach.get("village"))))
                .put("credentials", new JsonArray().add(new JsonObject().put("type", "password")
                        .put("value", in.password()).put("temporary", in.temporaryPassword())))
                .put("requiredActions", new JsonArray());
        return keycloak.send(HttpMethod.POST, "/users", user).chain(response -> {
            if (response.statusCode() == 409) {
                throw ProblemException.conflict("staff-exists", "An account named " + in.username() + " already exists");
            }
            KeycloakAdmin.expect(response, 201, "create the account");
            String id = KeycloakAdmin.createdId(response);
            // A half-made account (no roles, no county) is removed rather than left behind.
            return changeRoles(id, Set.of(), roles).chain(() -> organizations.addMember(county, id))
                    .onFailure().call(() -> keycloak.send(HttpMethod.DELETE, "/users/" + id, null));
        });
    }

    /** Read-modify-write of the full user, so that Keycloak keeps what we do not touch. */
    private Uni<Void> updateUser(StaffMember member, java.util.function.Consumer<JsonObject> change) {
        return keycloak.get("/users/" + member.id()).chain(response -> {
            KeycloakAdmin.expect(response, 200, "read the account");
            JsonObject user = response.bodyAsJsonObject();
            if (user.getJsonObject("attributes") == null) {
                user.put("attributes", new JsonObject());
            }
            change.accept(user);
            return keycloak.send(HttpMethod.PUT, "/users/" + member.id(), user);
        }).map(response -> {
            KeycloakAdmin.expect(response, 204, "update the account");
            return null;
        });
    }

    private Uni<Void> changeRoles(String userId, Set<String> current, Set<String> wanted) {
        Set<String> added = new HashSet<>(wanted);
        added.removeAll(current);
        Set<String> removed = new HashSet<>(current);
        removed.retainAll(COUNTY_ROLE_NAMES);
        removed.removeAll(wanted);
        if (added.isEmpty() && removed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String mappings = "/users/" + userId + "/role-mappings/realm";
        return keycloak.get("/roles?briefRepresentation=true&first=0&max=1000").chain(response -> {
            KeycloakAdmin.expect(response, 200, "list the realm's roles");
            List<JsonObject> all = response.bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
            Uni<Void> add = added.isEmpty() ? Uni.createFrom().voidItem()
                    : keycloak.send(HttpMethod.POST, mappings, pick(all, added))
                            .invoke(r -> KeycloakAdmin.expect(r, 204, "grant roles")).replaceWithVoid();
            return add.chain(() -> removed.isEmpty() ? Uni.createFrom().voidItem()
                    : keycloak.send(HttpMethod.DELETE, mappings, pick(all, removed))
                            .invoke(r -> KeycloakAdmin.expect(r, 204, "withdraw roles")).replaceWithVoid());
        });
    }

    private static JsonArray pick(List<JsonObject> roles, Set<String> names) {
        return new JsonArray(roles.stream().filter(r -> names.contains(r.getString("name")))
                .map(r -> new JsonObject().put("id", r.getString("id")).put("name", r.getString("name")))
                .map(Object.class::cast).toList());
    }

    private static JsonArray values(String value) {
        return value == null ? new JsonArray() : new JsonArray().add(value);
    }

    private static Map<String, Object> describe(StaffMember member) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roles", member.roles());
        member.township().ifPresent(t -> detail.put("township", t));
        member.village().ifPresent(v -> detail.put("village", v));
        return detail;
    }
}
