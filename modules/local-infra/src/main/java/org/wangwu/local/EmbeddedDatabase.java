package org.wangwu.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** PostgreSQL 17 from zonky's binaries on Maven Central, with the Wangwu database and roles ready. */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String OWNER_PASSWORD = DatabaseRoles.OWNER;
    public static final String APP_PASSWORD = DatabaseRoles.APP;
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;
    private final Duration startupTime;

    private EmbeddedDatabase(EmbeddedPostgres postgres, ProcessHandle postmaster, Duration startupTime) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.startupTime = startupTime;
    }

    /** A throwaway database on a free port. */
    public static EmbeddedDatabase start() {
        return start(0, null);
    }

    /**
     * @param port          0 for a free port
     * @param dataDirectory kept between runs when given; null for a temporary one deleted on close
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory) {
        long started = System.nanoTime();
        try {
            boolean throwaway = dataDirectory == null;
            Path data = throwaway ? Files.createTempDirectory("wangwu-pg") : Files.createDirectories(dataDirectory);
            // No zonky shutdown hook: hooks run concurrently, and the owner of this object stops the app before the database.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(throwaway)
                    .setRegisterShutdownHook(false)
                    .setPort(port);
            if (throwaway) {
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, postmaster, Duration.ofNanos(System.nanoTime() - started));
            try {
                DatabaseRoles.create(DatabaseRoles.withDatabase(database.superuserJdbcUrl(), "postgres"), SUPERUSER, null, OWNER_PASSWORD, APP_PASSWORD);
            } catch (SQLException | RuntimeException e) {
                database.close();
                throw new IllegalStateException("Could not create the Wangwu database and roles", e);
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Zonky's own URLs say localhost; 127.0.0.1 avoids an IPv6 detour and matches the other URLs. */
    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DatabaseRoles.DATABASE;
    }

    /** The wangwu database as superuser postgres (no password: zonky's initdb trusts local connections), for tests that look behind RLS. */
    public String superuserJdbcUrl() {
        return jdbcUrl() + "?user=" + SUPERUSER;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public boolean isAlive() {
        return postmaster.isAlive();
    }

    /** Stops the server; a postmaster that outlives pg_ctl stop (it is not our child process) gets SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Stopping PostgreSQL: " + e.getMessage());
        }
        if (postmaster.isAlive()) {
            postmaster.destroy();
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                postmaster.destroyForcibly();
            }
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        // pg_ctl start daemonizes the postmaster, so its pid comes from the data directory, not from a Process.
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
