package org.wangwu.platform.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.web.Page;

/**
 * A county's staff as Keycloak knows them, with the same facts their token would carry (realm
 * roles, county, township and village reach), so that a module can check a person it is about to
 * name (a mediator to assign) before they ever sign in, and a county administrator can list them.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::realmRole)
            .collect(Collectors.toSet());

    @Inject
    KeycloakAdmin keycloak;

    @Inject
    KeycloakOrganizations organizations;

    /** A person as Keycloak knows them; {@code passwordChangeRequired} while a temporary password is set. */
    @Schema(description = "A staff account of the county")
    public record StaffMember(
            @JsonIgnore String id,
            @Schema(description = "The username", examples = "jiyuan-cadre") String username,
            @Schema(description = "Given name", examples = "建国") String firstName,
            @Schema(description = "Family name", examples = "王") String lastName,
            @Schema(description = "Email address", examples = "wang.jianguo@jiyuan.example.gov.cn") String email,
            @Schema(description = "Whether the account may sign in", examples = "true") boolean enabled,
            @Schema(description = "Its county roles") Set<String> roles,
            @Schema(description = "Its reach: a township (9 digits), if any", examples = "419001100") Optional<String> township,
            @Schema(description = "Its reach: a village (12 digits), if any", examples = "419001100201") Optional<String> village,
            @Schema(description = "Whether the person must choose a new password at the next sign-in", examples = "false") boolean passwordChangeRequired) {

        public boolean has(Role role) {
            return roles.contains(role.realmRole());
        }
    }

    /** The member of the county's organization with this username, or null when there is none. */
    public Uni<StaffMember> find(CountyCode county, String username) {
        return user(username).chain(user -> user == null ? Uni.createFrom().<StaffMember>nullItem()
                : organizations.isMember(county, user.getString("id"))
                        .chain(member -> member ? withRoles(user) : Uni.createFrom().<StaffMember>nullItem()));
    }

    /** One page of the county's staff (apps' service accounts left out); the cursor is Keycloak's offset. */
    public Uni<Page<StaffMember>> list(CountyCode county, String cursor, int limit) {
        int first = offset(cursor);
        return organizations.members(county, first, limit + 1).chain(members -> {
            boolean more = members.size() > limit;
            List<Uni<StaffMember>> people = members.stream().limit(limit).map(JsonObject.class::cast)
                    .filter(u -> !u.getString("username").startsWith("service-account-"))
                    .map(this::withRoles).toList();
            String next = more ? String.valueOf(first + limit) : null;
            return people.isEmpty() ? Uni.createFrom().item(new Page<>(List.<StaffMember>of(), next))
                    : Uni.join().all(people).andFailFast().map(list -> new Page<>(list, next));
        });
    }

    private static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            int first = Integer.parseInt(cursor);
            if (first >= 0) {
                return first;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
    }

    /** The Keycloak user with exactly this username, in full, or null. */
    Uni<JsonObject> user(String username) {
        return keycloak.get("/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).map(response -> {
            KeycloakAdmin.expect(response, 200, "look up a user");
            JsonArray found = response.bodyAsJsonArray();
            return found.isEmpty() ? null : found.getJsonObject(0);
        });
    }

    Uni<StaffMember> withRoles(JsonObject user) {
        return keycloak.get("/users/" + user.getString("id") + "/role-mappings/realm").map(response -> {
            KeycloakAdmin.expect(response, 200, "read a user's roles");
            Set<String> roles = new TreeSet<>();
            response.bodyAsJsonArray().forEach(r -> roles.add(((JsonObject) r).getString("name")));
            roles.retainAll(KNOWN_ROLES);
            List<String> actions = user.getJsonArray("requiredActions", new JsonArray()).getList();
            return new StaffMember(user.getString("id"), user.getString("username"), user.getString("firstName"),
                    user.getString("lastName"), user.getString("email"), user.getBoolean("enabled", true), roles,
                    attribute(user, "township"), attribute(user, "village"), actions.contains("UPDATE_PASSWORD"));
        });
    }

    private static Optional<String> attribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray values = attributes == null ? null : attributes.getJsonArray(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getString(0));
    }
}
