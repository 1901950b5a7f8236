package org.wangwu.server.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak: password grants for the demo users of the realm and
 * client-credentials grants for third-party apps. Cached, since each password grant costs a hash.
 */
public final class Tokens {

    /** Every demo user of deploy/keycloak/wangwu-realm.json has this password. */
    public static final String DEMO_PASSWORD = "demo";

    private record Cached(String token, Instant fetched) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String user(String username) {
        return cached("user:" + username, () -> given()
                .formParam("grant_type", "password")
                .formParam("client_id", "wangwu-console")
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .formParam("scope", "openid")
                .post(tokenEndpoint()));
    }

    public static String client(String clientId, String secret) {
        return cached("client:" + clientId, () -> given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(tokenEndpoint()));
    }

    /** An uncached password grant, for accounts a test has just created; the answer as Keycloak gave it. */
    public static io.restassured.response.Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "wangwu-console")
                .formParam("username", username).formParam("password", password).formParam("scope", "openid")
                .post(tokenEndpoint());
    }

    /** An uncached client-credentials grant, for apps a test has just registered; the answer as Keycloak gave it. */
    public static io.restassured.response.Response clientGrant(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(tokenEndpoint());
    }

    private static String cached(String key, java.util.function.Supplier<io.restassured.response.Response> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.fetched().isAfter(Instant.now().minusSeconds(600))) {
            return hit.token();
        }
        io.restassured.response.Response response = fetch.get();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + key + ": " + response.asString());
        }
        String token = response.jsonPath().getString("access_token");
        CACHE.put(key, new Cached(token, Instant.now()));
        return token;
    }

    private static String tokenEndpoint() {
        return WangwuTestEnvironment.issuer() + "/protocol/openid-connect/token";
    }
}
