package org.wangwu.server.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.wangwu.local.EmbeddedDatabase;
import org.wangwu.local.KeycloakServer;
import org.wangwu.local.SourceTree;

/**
 * The real parts every test talks to: an embedded PostgreSQL 17 with the owner and application roles,
 * and a Keycloak with the Wangwu realm. Started once per test JVM, in parallel, stopped at exit.
 */
@io.quarkus.test.common.QuarkusTestResource(WangwuTestEnvironment.class)
public class WangwuTestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;
    private static KeycloakServer keycloak;

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            SourceTree tree = SourceTree.find();
            keycloak = KeycloakServer.start(tree.keycloakHome(), freePort(), tree.realmFile(), null);
            // The suite's own choice: throwaway data, so commits need not reach the disk (the run command's database is
            // DURABLE). A test that crashes the server restarts it DURABLE first (DurabilityFaultTest).
            database = EmbeddedDatabase.start(0, null, EmbeddedDatabase.Durability.FAST);
            // Registered before the wait, so that a Keycloak too slow to start is not left running after the failed run.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keycloak.close();
                if (database != null) {
                    database.close();
                }
            }, "wangwu-test-environment-stop"));
            keycloak.awaitReady();
        }
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; the shutdown hook stops both at JVM exit.
    }

    public static String issuer() {
        return keycloak.issuer();
    }

    public static String superuserJdbcUrl() {
        return database.jdbcUrl();
    }

    /** The suite's PostgreSQL, for the tests that stop, restart or crash it. */
    public static EmbeddedDatabase database() {
        return database;
    }

    /** The suite's Keycloak, for the test that stops and restarts it. */
    public static KeycloakServer keycloak() {
        return keycloak;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
