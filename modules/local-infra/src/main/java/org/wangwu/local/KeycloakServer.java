package org.wangwu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Keycloak from the Maven Central dist, started in dev mode with the Wangwu realm freshly imported. */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "wangwu";
    public static final String HOST = "127.0.0.1";

    private final int port;
    private final ProcessBuilder builder;
    private final Path log;
    /** The temporary database, deleted on close; null when it is kept. */
    private final Path temporaryDatabase;
    private volatile ChildProcess process;
    private Duration startupTime;

    private KeycloakServer(int port, ProcessBuilder builder, Path log, Path temporaryDatabase) {
        this.port = port;
        this.builder = builder;
        this.log = log;
        this.temporaryDatabase = temporaryDatabase;
    }

    /** Where a server on {@code port} logs unless told otherwise. */
    public static Path defaultLog(Path home, int port) {
        return home.resolve("data/log/wangwu-" + port + ".log");
    }

    /**
     * Launches Keycloak without waiting for it (so other things can start meanwhile); call {@link #awaitReady()}.
     *
     * @param log null for {@link #defaultLog(Path, int)}
     */
    public static KeycloakServer start(Path home, int port, Path realmFile, Path log) {
        return start(home, port, realmFile, log, null);
    }

    /**
     * @param keptDatabase where Keycloak keeps its H2 database between runs (the realm is imported only
     *                     when it is not there yet); null for a temporary one, deleted on close
     */
    public static KeycloakServer start(Path home, int port, Path realmFile, Path log, Path keptDatabase) {
        try {
            Path data = home.resolve("data");
            // Each server gets a database of its own, so the realm is imported afresh and a test run and
            // the run command (or two test runs) can share one Keycloak home without touching each other.
            Path database = keptDatabase != null ? Files.createDirectories(keptDatabase) : Files.createTempDirectory("wangwu-keycloak-db");
            Files.createDirectories(data.resolve("import"));
            Files.copy(realmFile, data.resolve("import").resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path logFile = log != null ? log : defaultLog(home, port);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.deleteIfExists(logFile);

            ProcessBuilder builder = new ProcessBuilder(List.of("sh", "bin/kc.sh", "start-dev",
                    "--http-host=" + HOST, "--http-port=" + port, "--hostname-strict=false", "--import-realm",
                    "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            KeycloakServer server = new KeycloakServer(port, builder, logFile, keptDatabase == null ? database : null);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private synchronized void launch() throws IOException {
        process = new ChildProcess("Keycloak", builder.start(), log);
    }

    /** Stops the server and keeps its database, so that {@link #startAgain()} serves the same realm, users and signing keys. */
    public synchronized void stopServer() {
        process.stop(Duration.ofSeconds(20));
    }

    /** Starts the stopped server again on the same port and database; call {@link #awaitReady()}. */
    public synchronized void startAgain() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak again", e);
        }
    }

    /**
     * Waits for the realm's discovery document, five minutes unless {@code WANGWU_KEYCLOAK_START_TIMEOUT}
     * (seconds) says otherwise, e.g. on a loaded machine; fails with the log's tail and leaves no Keycloak behind.
     */
    public KeycloakServer awaitReady() {
        long seconds = Long.parseLong(System.getenv().getOrDefault("WANGWU_KEYCLOAK_START_TIMEOUT", "300"));
        try {
            startupTime = process.awaitHttpOk(URI.create(issuer() + "/.well-known/openid-configuration"),
                    Duration.ofSeconds(seconds));
        } catch (IllegalStateException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return this;
    }

    /** The issuer the tokens carry: it follows the host name used, so everything says 127.0.0.1. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** From launch until the realm answered; null before {@link #awaitReady()} returned. */
    public Duration startupTime() {
        return startupTime;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stopServer();
        if (temporaryDatabase == null) {
            return;
        }
        try {
            deleteRecursively(temporaryDatabase);
        } catch (IOException e) {
            System.err.println("Could not remove Keycloak's database " + temporaryDatabase + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
