package org.wangwu.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 from zonky's binaries on Maven Central, with the Wangwu database and roles ready.
 * It can be stopped, started and restarted in place (same port, same data), as an operator would with
 * {@code pg_ctl}; {@link #isAlive()} follows whichever postmaster currently serves the data directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String OWNER_PASSWORD = DatabaseRoles.OWNER;
    public static final String APP_PASSWORD = DatabaseRoles.APP;
    private static final String SUPERUSER = "postgres";

    /** How commits reach the disk. */
    public enum Durability {
        /** Every acknowledged commit is flushed to disk and survives a crash: the default, and the run command's. */
        DURABLE("on"),
        /** No fsync, no full-page writes, asynchronous commit: a crash may lose recent commits. Only for throwaway test data. */
        FAST("off");

        private final String setting;

        Durability(String setting) {
            this.setting = setting;
        }

        Map<String, String> serverConfig() {
            Map<String, String> config = new LinkedHashMap<>();
            // Zonky always passes -F (fsync off) and defaults synchronous_commit to off; -c options after it win.
            config.put("fsync", setting);
            config.put("full_page_writes", setting);
            config.put("synchronous_commit", setting);
            // The benchmark counts statements with pg_stat_statements, which must be preloaded.
            String preload = System.getenv("WANGWU_PG_PRELOAD");
            if (preload != null && !preload.isBlank()) {
                config.put("shared_preload_libraries", preload);
            }
            return config;
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path data;
    private final Path bin;
    private final Duration startupTime;
    private volatile Durability durability;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path data, Path bin, Durability durability, Duration startupTime) {
        this.postgres = postgres;
        this.data = data;
        this.bin = bin;
        this.durability = durability;
        this.startupTime = startupTime;
    }

    /** A throwaway, durable database on a free port. */
    public static EmbeddedDatabase start() {
        return start(0, null, Durability.DURABLE);
    }

    /**
     * @param port          0 for a free port
     * @param dataDirectory kept between runs when given; null for a temporary one deleted on close
     */
    public static EmbeddedDatabase start(int port, Path dataDirectory, Durability durability) {
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
            durability.serverConfig().forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Path postgresBinary = Path.of(ProcessHandle.of(postmasterPid(data).orElseThrow()).orElseThrow().info().command().orElseThrow());
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, data, postgresBinary.getParent(), durability,
                    Duration.ofNanos(System.nanoTime() - started));
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

    public Durability durability() {
        return durability;
    }

    public Path dataDirectory() {
        return data;
    }

    /** Whether a postmaster serves the data directory now; a restart changes its pid, not this answer. */
    public boolean isAlive() {
        return postmaster().map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's pid, as {@code postmaster.pid} says while the server runs. */
    public Optional<ProcessHandle> postmaster() {
        try {
            return postmasterPid(data).flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code pg_ctl stop -m fast}: sessions are cut, the data stays. */
    public synchronized void stopServer() {
        pgCtl("stop", "-m", "fast");
    }

    /** {@code pg_ctl start} on the same port and data directory, waiting until it accepts connections. */
    public synchronized void startServer() {
        pgCtl("start", "-l", log(), "-o", serverOptions());
    }

    /** {@code pg_ctl restart}: a new postmaster on the same port and data, with the same durability. */
    public void restart() {
        restart(durability);
    }

    /** A restart that also changes how commits reach the disk (a test that must crash the server wants DURABLE). */
    public synchronized void restart(Durability wanted) {
        durability = wanted;
        pgCtl("restart", "-m", "fast", "-l", log(), "-o", serverOptions());
    }

    /** Where the server started by pg_ctl writes, inside the data directory so that a throwaway one leaves nothing behind. */
    private String log() {
        return data.resolve("server.log").toString();
    }

    private String serverOptions() {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port()), "-F"));
        durability.serverConfig().forEach((name, value) -> options.add("-c " + name + "=" + value));
        return String.join(" ", options);
    }

    private void pgCtl(String command, String... options) {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U")); // as zonky does: pg_ctl refuses to run as root, and these machines build as root
        }
        line.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60"));
        line.add(command);
        line.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            // pg_ctl's own output is short; the server's goes to the log file, so reading to the end cannot block.
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + command + " failed for " + data + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("pg_ctl " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + command, e);
        }
    }

    /** Stops the server; a postmaster that outlives pg_ctl stop (it is not our child process) gets SIGTERM, then SIGKILL. */
    @Override
    public synchronized void close() {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("Stopping PostgreSQL: " + e.getMessage());
        }
        postmaster.filter(ProcessHandle::isAlive).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
    }

    private static Optional<Long> postmasterPid(Path data) throws IOException {
        // pg_ctl start daemonizes the postmaster, so its pid comes from the data directory, not from a Process.
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    }
}
