package org.wangwu.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The README's run command: PostgreSQL (embedded unless WANGWU_DB_URL is set), Keycloak with the Wangwu realm, then the packaged app. */
public final class LocalPlatform {

    static final int KEYCLOAK_PORT = 8180;
    static final int APP_PORT = 8080;
    static final String APP = "http://127.0.0.1:" + APP_PORT;

    /** The database the app is given: its URL and the two roles of {@link DatabaseRoles}. */
    record Database(String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword, String description) {
        String reactiveUrl() {
            return jdbcUrl.substring("jdbc:".length());
        }
    }

    private volatile boolean stopping;
    private volatile KeycloakServer keycloak;
    private volatile EmbeddedDatabase embedded;
    private volatile ChildProcess app;

    public static void main(String[] args) {
        // Zonky logs every line of initdb and postgres at INFO; only problems are worth showing here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean infraOnly = List.of(args).contains("--infra-only");
        boolean fresh = List.of(args).contains("--fresh");
        LocalPlatform platform = new LocalPlatform();
        Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "wangwu-stop"));
        try {
            LocalData data = LocalData.locate();
            if (fresh) {
                data.wipe();
            }
            platform.run(SourceTree.find(), data, infraOnly);
        } catch (RuntimeException e) {
            if (!platform.stopping) {
                System.err.println("\nWangwu did not start: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        platform.watch();
    }

    private void run(SourceTree tree, LocalData data, boolean infraOnly) {
        requireFreePort(KEYCLOAK_PORT, "Keycloak");
        if (!infraOnly) {
            requireFreePort(APP_PORT, "the app");
            if (!Files.isRegularFile(tree.appJar())) {
                throw new IllegalStateException("the app is not built: " + tree.appJar() + " is missing. Build it with "
                        + "./mvnw install -DskipTests (or start only PostgreSQL and Keycloak with --infra-only).");
            }
        }
        startKeycloak(tree, data);
        Database database = startDatabase(data);
        System.out.println("PostgreSQL: " + database.description());
        System.out.println("Keycloak: starting, log in " + KeycloakServer.defaultLog(tree.keycloakHome(), KEYCLOAK_PORT));
        keycloak.awaitReady();
        System.out.printf("Keycloak ready in %.1f s%n", seconds(keycloak.startupTime()));
        if (!infraOnly) {
            startApp(tree.appJar(), database);
            Duration appTime = app.awaitHttpOk(URI.create(APP + "/q/health/ready"),
                    Duration.ofSeconds(Long.parseLong(env("WANGWU_APP_START_TIMEOUT", "120"))));
            System.out.printf("App ready in %.1f s%n", seconds(appTime));
        }
        printSummary(tree, database, !infraOnly);
    }

    /** Keycloak's database is kept beside PostgreSQL's: rows that name a Keycloak user or organization stay valid across runs. */
    private synchronized void startKeycloak(SourceTree tree, LocalData data) {
        requireNotStopping();
        keycloak = KeycloakServer.start(tree.keycloakHome(), KEYCLOAK_PORT, tree.realmFile(), null, data.keycloak());
    }

    /** Started under the lock that {@link #stop()} takes, so Ctrl-C during a start cannot leave a postmaster behind. */
    private synchronized Database startDatabase(LocalData data) {
        requireNotStopping();
        String url = System.getenv("WANGWU_DB_URL");
        if (url != null) {
            Database external = new Database(url, env("WANGWU_DB_OWNER_USER", DatabaseRoles.OWNER), env("WANGWU_DB_OWNER_PASSWORD", EmbeddedDatabase.OWNER_PASSWORD),
                    env("WANGWU_DB_APP_USER", DatabaseRoles.APP), env("WANGWU_DB_APP_PASSWORD", EmbeddedDatabase.APP_PASSWORD), "external, " + url);
            // Said here, in one line, rather than as a stack trace from the app a minute later.
            try (Connection ignored = DatabaseRoles.connect(url, external.appUser(), external.appPassword())) {
                return external;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to WANGWU_DB_URL " + url + " as " + external.appUser() + ": " + e.getMessage());
            }
        }
        embedded = EmbeddedDatabase.start(0, data.postgres(), EmbeddedDatabase.Durability.DURABLE);
        return new Database(embedded.jdbcUrl(), DatabaseRoles.OWNER, EmbeddedDatabase.OWNER_PASSWORD, DatabaseRoles.APP, EmbeddedDatabase.APP_PASSWORD,
                String.format("embedded PostgreSQL 17 ready in %.1f s at %s, data kept in %s (deploy/local/run --fresh starts clean)",
                        seconds(embedded.startupTime()), embedded.jdbcUrl(), data.postgres()));
    }

    private synchronized void startApp(Path jar, Database database) {
        requireNotStopping();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // A small JVM for one machine: the serial collector (no concurrent GC threads, smaller heap bookkeeping),
        // a heap sized as for a 2 GiB machine (512 MiB at most), and the class-data archive the build wrote
        // (deploy/local/run packages with quarkus.package.jar.appcds.enabled) when it is there. Not -Xss512k: the
        // demo seed's long Mutiny chains then stopped without a word on a 512 KiB event-loop stack.
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:MaxRAM=2g"));
        // The archive names the class path as the build ran it (quarkus-run.jar and lib/, relative), so the app
        // runs from its own directory with the same relative paths, or the JVM ignores the archive.
        if (Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        // Further JVM options for measurements (e.g. a flight recording, or -Xshare:off); none by default.
        for (String option : env("WANGWU_APP_JAVA_OPTS", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile()).inheritIO();
        builder.environment().putAll(appEnvironment(database));
        try {
            app = new ChildProcess("the app", builder.start(), null);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar + ": " + e.getMessage(), e);
        }
    }

    /** What the server module reads: the app connects as the non-owner role, Flyway migrates as the owner. */
    private Map<String, String> appEnvironment(Database database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.appUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.appPassword());
        env.put("QUARKUS_FLYWAY_USERNAME", database.ownerUser());
        env.put("QUARKUS_FLYWAY_PASSWORD", database.ownerPassword());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        env.put("WANGWU_DEMO_DATA", env("WANGWU_DEMO_DATA", "true")); // false: start without the demo counties' data
        // The packaged app runs in the prod profile, which takes its personal-data keys from outside; these say what they are.
        env.put("WANGWU_PERSONAL_DATA_KEY", base64("wangwu-local-run-key-not-secret!"));
        env.put("WANGWU_PERSONAL_DATA_DIGEST_KEY", base64("wangwu-local-run-digest-key-0001"));
        // The realm's platform client, which creates a county's organization when an operator onboards one.
        env.put("WANGWU_KEYCLOAK_ADMIN_SECRET", "wangwu-platform-secret");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(APP_PORT));
        return env;
    }

    /**
     * Keeps the command in the foreground; if Keycloak or the app dies, the rest is stopped and the command fails.
     * PostgreSQL may be stopped or restarted underneath (pg_ctl): the app answers 503 meanwhile and serves again after.
     */
    private void watch() {
        boolean databaseUp = true;
        while (!stopping) {
            String dead = keycloak != null && !keycloak.isAlive() ? "Keycloak"
                    : app != null && !app.isAlive() ? "The app" : null;
            if (dead != null && !stopping) {
                System.err.println("\n" + dead + " stopped unexpectedly; stopping the rest.");
                System.exit(1);
            }
            if (embedded != null && embedded.isAlive() != databaseUp && !stopping) {
                databaseUp = !databaseUp;
                System.err.println(databaseUp
                        ? "\nPostgreSQL is back (pid " + embedded.postmaster().map(ProcessHandle::pid).orElse(0L) + ")."
                        : "\nPostgreSQL is not running (stopped or restarting); the app answers 503 until it is back. Its data: "
                                + embedded.dataDirectory());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The app first (it holds connections to both), then Keycloak, then the database. */
    synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        if (app == null && keycloak == null && embedded == null) {
            return;
        }
        System.out.println("\nStopping Wangwu...");
        if (app != null) {
            app.stop(Duration.ofSeconds(20));
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        System.out.println("Stopped.");
    }

    private void printSummary(SourceTree tree, Database database, boolean withApp) {
        StringBuilder out = new StringBuilder("\n");
        if (withApp) {
            out.append("Wangwu is running.\n");
            line(out, "Console", APP + "/");
            line(out, "Public notices", APP + "/#/public/419001/419001100201");
            line(out, "API", APP + "/api/v1");
            line(out, "Swagger UI", APP + "/q/swagger-ui");
            line(out, "OpenAPI", APP + "/q/openapi");
            line(out, "Health", APP + "/q/health");
            line(out, "Metrics", APP + "/q/metrics");
        } else {
            out.append("PostgreSQL and Keycloak are running. Start the app with this environment:\n");
            appEnvironment(database).forEach((key, value) -> out.append("  export ").append(key).append('=').append(value).append('\n'));
            out.append('\n');
        }
        line(out, "Keycloak", keycloak.baseUrl() + "/admin  (admin / admin)");
        line(out, "Issuer", keycloak.issuer());
        line(out, "PostgreSQL", database.jdbcUrl() + "  (owner " + database.ownerUser() + ", app " + database.appUser() + ")");

        DemoAccounts accounts = DemoAccounts.read(tree.realmFile());
        out.append("\nDemo logins: password demo, client wangwu-console\n");
        String row = "  %-26s %-18s %-24s %s%n";
        out.append(String.format(row, "username", "role", "county", "reach"));
        accounts.logins().forEach(l -> out.append(String.format(row, l.username(), l.role(), l.county(), l.reach())));
        out.append("\nThird-party apps: client credentials grant\n");
        String appRow = "  %-20s %-28s %-24s %s%n";
        out.append(String.format(appRow, "client id", "secret", "county", "scopes"));
        accounts.apps().forEach(a -> out.append(String.format(appRow, a.clientId(), a.secret(), a.county(), a.scopes())));
        out.append("\nA token:  curl -s -d grant_type=password -d client_id=wangwu-console -d username=jiyuan-cadre -d password=demo ")
                .append(keycloak.issuer()).append("/protocol/openid-connect/token\n");
        out.append("\nCtrl-C stops everything.\n");
        System.out.print(out);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-12s %s%n", label, value));
    }

    private void requireNotStopping() {
        if (stopping) {
            throw new IllegalStateException("stopping");
        }
    }

    private static void requireFreePort(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is in use (left over from an earlier run?): stop what listens there");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
