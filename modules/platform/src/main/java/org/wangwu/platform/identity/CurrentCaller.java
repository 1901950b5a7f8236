package org.wangwu.platform.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Reads the {@link Caller} of this request from the verified Keycloak token: realm roles, the
 * {@code organization} claim (a county's code is its organization alias), reach claims
 * {@code township}, {@code village}, {@code province}, and the granted scopes.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestId requestId;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    private Caller read() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Caller("anonymous", "anonymous", null, Set.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Set.of(), requestId.value());
        }
        Set<String> organizations = strings(jwt.getClaim("organization"));
        Optional<CountyCode> county = organizations.size() == 1 && CountyCode.isValid(organizations.iterator().next())
                ? Optional.of(CountyCode.of(organizations.iterator().next()))
                : Optional.empty();
        String scope = jwt.getClaim("scope");
        Set<String> scopes = scope == null ? Set.of() : Set.of(scope.trim().split("\\s+"));
        String username = Optional.ofNullable((String) jwt.getClaim("preferred_username")).orElse(jwt.getSubject());
        return new Caller(jwt.getSubject(), username, jwt.getClaim("azp"), Set.copyOf(identity.getRoles()), county,
                text(jwt.getClaim("township")), text(jwt.getClaim("village")), text(jwt.getClaim("province")),
                scopes, requestId.value());
    }

    private static Optional<String> text(Object claim) {
        Set<String> values = strings(claim);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.iterator().next());
    }

    /** Claims arrive as JSON-P values or plain Java ones depending on the token source. */
    private static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.addAll(strings(v)));
        } else if (claim instanceof JsonObject object) {
            out.addAll(object.keySet());
        } else if (claim instanceof JsonString string) {
            out.add(string.getString());
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> out.addAll(strings(v)));
        } else if (claim instanceof String string && !string.isBlank()) {
            out.add(string);
        } else if (claim instanceof JsonValue value && value.getValueType() != JsonValue.ValueType.NULL) {
            out.add(value.toString());
        }
        return out;
    }
}
