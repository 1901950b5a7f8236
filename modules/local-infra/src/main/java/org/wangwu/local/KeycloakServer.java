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
    private final ChildProcess process;
    private final Path database;
    private Duration startupTime;

    private KeycloakServer(int port, ChildProcess process, Path database) {
        this.port = port;
        this.process = process;
        this.database = database;
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
        try {
            Path data = home.resolve("data");
            // Each server gets a database of its own, so the realm is imported afresh and a test run and
            // the run command (or two test runs) can share one Keycloak home without touching each other.
            Path database = Files.createTempDirectory("wangwu-keycloak-db");
            Files.createDirectories(data.resolve("import"));
            Files.copy(realmFile, data.resolve("import").resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path logFile = log != null ? log : defaultLog(home, port);
            Files.createDirectories(logFile.toAbsolutePath().getParent());

            ProcessBuilder builder = new ProcessBuilder(List.of("sh", "bin/kc.sh", "start-dev",
                    "--http-host=" + HOST, "--http-port=" + port, "--hostname-strict=false", "--import-realm",
                    "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            return new KeycloakServer(port, new ChildProcess("Keycloak", builder.start(), logFile), database);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** Waits up to three minutes for the realm's discovery document; fails with the log's tail. */
    public KeycloakServer awaitReady() {
        startupTime = process.awaitHttpOk(URI.create(issuer() + "/.well-known/openid-configuration"), Duration.ofSeconds(180));
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
        process.stop(Duration.ofSeconds(20));
        try {
            deleteRecursively(database);
        } catch (IOException e) {
            System.err.println("Could not remove Keycloak's database " + database + ": " + e.getMessage());
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
