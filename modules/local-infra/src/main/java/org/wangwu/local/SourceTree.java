package org.wangwu.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where things live in the checkout, found from the working directory so that tests run from a module and the run command run from the root agree. */
public record SourceTree(Path root) {

    static final String REALM_FILE = "deploy/keycloak/wangwu-realm.json";

    /** The nearest directory at or above the working directory that holds the realm file. */
    public static SourceTree find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_FILE))) {
                return new SourceTree(dir);
            }
        }
        throw new IllegalStateException("No " + REALM_FILE + " at or above " + start + ": run from the Wangwu checkout");
    }

    public Path realmFile() {
        return root.resolve(REALM_FILE);
    }

    /** The Keycloak server unpacked by this module's build (generate-resources). */
    public Path keycloakHome() {
        Path home = root.resolve("modules/local-infra/target/keycloak/keycloak-" + keycloakVersion());
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak server at " + home + ": build it with ./mvnw -pl modules/local-infra install");
        }
        return home;
    }

    public Path appJar() {
        return root.resolve("modules/server/target/quarkus-app/quarkus-run.jar");
    }

    /** The parent pom's keycloak.version, filtered into this module's resources at build time. */
    static String keycloakVersion() {
        try (InputStream in = SourceTree.class.getResourceAsStream("/wangwu-local-infra.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
