package org.wangwu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the run command keeps its data between runs: {@code $WANGWU_DATA}, else
 * {@code $XDG_DATA_HOME/wangwu}, else {@code ~/.local/share/wangwu}. PostgreSQL and Keycloak each have
 * a directory there; {@code --fresh} deletes both before starting.
 */
record LocalData(Path root) {

    static LocalData locate() {
        String explicit = System.getenv("WANGWU_DATA");
        if (explicit != null && !explicit.isBlank()) {
            return new LocalData(Path.of(explicit).toAbsolutePath());
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return new LocalData(base.resolve("wangwu").toAbsolutePath());
    }

    Path postgres() {
        return root.resolve("postgres-17");
    }

    Path keycloak() {
        return root.resolve("keycloak-" + SourceTree.keycloakVersion());
    }

    /** Deletes what the run command keeps (and nothing else that may live under the root). */
    void wipe() {
        for (Path directory : new Path[] {postgres(), keycloak()}) {
            if (!Files.exists(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + directory + " for --fresh", e);
            }
        }
        System.out.println("Starting clean: deleted the kept data under " + root);
    }
}
