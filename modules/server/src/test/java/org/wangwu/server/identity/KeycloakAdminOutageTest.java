package org.wangwu.server.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * With Keycloak's admin API out of reach (the platform's admin client points at a closed port),
 * the calls that need it answer 503 with Retry-After and change nothing; tokens already issued by
 * the realm keep working for everything else.
 */
@QuarkusTest
@TestProfile(KeycloakAdminOutageTest.AdminApiUnreachable.class)
class KeycloakAdminOutageTest {

    /** The realm still signs tokens; only the platform's own admin client is cut off. */
    public static class AdminApiUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc-client.auth-server-url", "http://127.0.0.1:" + closedPort() + "/realms/wangwu");
        }
    }

    @BeforeEach
    void jiyuanOnboarded() {
        // Onboarding needs the admin API, which this test has cut off: the county row is put in directly.
        Database.update("insert into county (code, province_code, name_zh, name_en, status, onboarded_at, updated_at)"
                + " values ('419001', '41', '济源市', 'Jiyuan', 'ACTIVE', now(), now()) on conflict do nothing");
    }

    @Test
    void adminCallsAnswer503WithRetryAfterAndChangeNothing() {
        as("operator").body(Map.of("code", "350582", "nameZh", "晋江市", "nameEn", "Jinjiang", "province", "35"))
                .post("/api/v1/platform/counties").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("code", equalTo("identity-unavailable"));
        as("operator").get("/api/v1/platform/counties/350582").then().statusCode(404);

        as("jiyuan-admin").get(county(Api.JIYUAN) + "/staff").then().statusCode(503).header("Retry-After", notNullValue());
        as("jiyuan-admin").body(StaffAccountsTest.account("jy-outage", List.of("village-cadre"), null, null, false))
                .post(county(Api.JIYUAN) + "/staff").then().statusCode(503);

        long apps = Database.count("select count(*) from app_registration where tenant_id = '419001'");
        as("jiyuan-admin").body(Map.of("name", "x", "contactEmail", "dev@example.org", "modules", List.of("points")))
                .post(county(Api.JIYUAN) + "/apps").then().statusCode(503).header("Retry-After", notNullValue());
        assertEquals(apps, Database.count("select count(*) from app_registration where tenant_id = '419001'"));

        // What needs no admin call still works with the tokens Keycloak issued.
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/apps").then().statusCode(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
