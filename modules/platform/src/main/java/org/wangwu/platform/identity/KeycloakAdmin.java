package org.wangwu.platform.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * The platform's own access to Keycloak's admin API, as the confidential client
 * {@code wangwu-platform}: the one place that knows the admin URL and holds the service-account
 * token. The token comes from the OIDC client ({@code quarkus.oidc-client.*}) and is reused until
 * shortly before it expires, so a staff lookup costs no grant. Keycloak unreachable is a 503.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);
    /** A token this close to its expiry is not used for a new call. */
    private static final long EXPIRY_MARGIN_SECONDS = 30;
    static final int RETRY_AFTER_SECONDS = 30;

    @Inject
    Vertx vertx;

    @Inject
    OidcClient oidc;

    @ConfigProperty(name = "quarkus.oidc-client.auth-server-url")
    String realmUrl;

    private volatile Tokens tokens;
    private final Map<CountyCode, String> organizationIds = new ConcurrentHashMap<>();
    private WebClient client;

    /**
     * Sends a request to {@code /admin/realms/<realm><path>}, with a JSON body (object, array or
     * string) or none. A 401 means the cached token was revoked early: one new token, one retry.
     */
    public Uni<HttpResponse<Buffer>> send(HttpMethod method, String path, Object body) {
        return attempt(method, path, body).chain(response -> {
            if (response.statusCode() != 401) {
                return Uni.createFrom().item(response);
            }
            tokens = null;
            return attempt(method, path, body);
        });
    }

    public Uni<HttpResponse<Buffer>> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    /** The id of the county's organization (alias = county code); organizations keep their id for life. */
    public Uni<String> organizationId(CountyCode county) {
        String known = organizationIds.get(county);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return get("/organizations?briefRepresentation=true&first=0&max=10000").map(response -> {
            expect(response, 200, "list organizations");
            return response.bodyAsJsonArray().stream().map(JsonObject.class::cast)
                    .filter(o -> county.value().equals(o.getString("alias"))).findFirst()
                    .map(o -> {
                        organizationIds.put(county, o.getString("id"));
                        return o.getString("id");
                    })
                    .orElseThrow(() -> unavailable("Keycloak has no organization for county " + county));
        });
    }

    /** The id at the end of a 201's Location header. */
    public static String createdId(HttpResponse<Buffer> response) {
        String location = response.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Fails with a 503 naming the step when Keycloak answers anything but the expected status. */
    public static void expect(HttpResponse<Buffer> response, int status, String step) {
        if (response.statusCode() != status) {
            LOG.errorf("Keycloak refused to %s: %d %s", step, response.statusCode(), response.bodyAsString());
            throw unavailable("Keycloak refused to " + step + " (" + response.statusCode() + ")");
        }
    }

    private Uni<HttpResponse<Buffer>> attempt(HttpMethod method, String path, Object body) {
        return token().chain(token -> {
            HttpRequest<Buffer> request = web().requestAbs(method, adminUrl() + path)
                    .bearerTokenAuthentication(token).timeout(10_000);
            return (body == null ? request.send() : request.sendJson(body))
                    .onFailure().transform(e -> unavailable("Keycloak's admin API is not reachable: " + e.getMessage()));
        });
    }

    private Uni<String> token() {
        Tokens current = tokens;
        if (current != null && (current.getAccessTokenExpiresAt() == null
                || current.getAccessTokenExpiresAt() - EXPIRY_MARGIN_SECONDS > Instant.now().getEpochSecond())) {
            return Uni.createFrom().item(current.getAccessToken());
        }
        return oidc.getTokens()
                .onFailure().transform(e -> unavailable("Keycloak did not grant the platform a token: " + e.getMessage()))
                .invoke(fresh -> tokens = fresh)
                .map(Tokens::getAccessToken);
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
        return ProblemException.unavailable("identity-unavailable", detail, RETRY_AFTER_SECONDS);
    }
}
