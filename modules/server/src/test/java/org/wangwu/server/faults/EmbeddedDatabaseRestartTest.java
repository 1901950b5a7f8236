package org.wangwu.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wangwu.local.EmbeddedDatabase;
import org.wangwu.local.EmbeddedDatabase.Durability;

/**
 * The run command's database: durable, restartable in place (a new postmaster, same port, same data,
 * still "alive" to whoever watches it), and its data directory kept across runs.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path home;

    @Test
    void aRestartKeepsDataAndAKeptDirectoryServesTheNextRun() throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(0, data, Durability.DURABLE)) {
            assertEquals("on", query(database, "show fsync"));
            assertEquals("on", query(database, "show full_page_writes"));
            assertEquals("on", query(database, "show synchronous_commit"));
            update(database, "create table kept (v text)");
            update(database, "insert into kept values ('before the restart')");
            long pid = database.postmaster().orElseThrow().pid();

            database.restart();

            assertTrue(database.isAlive());
            assertNotEquals(pid, database.postmaster().orElseThrow().pid(), "pg_ctl restart starts a new postmaster");
            assertEquals("before the restart", query(database, "select string_agg(v, ',') from kept"));
            assertEquals("on", query(database, "show synchronous_commit"));

            database.stopServer();
            assertFalse(database.isAlive());
            database.startServer();
            assertTrue(database.isAlive());
            update(database, "insert into kept values ('after a stop and start')");
        }
        assertTrue(Files.isDirectory(data), "a given data directory outlives the server");
        try (EmbeddedDatabase again = EmbeddedDatabase.start(0, data, Durability.DURABLE)) {
            assertEquals("before the restart,after a stop and start", query(again, "select string_agg(v, ',' order by v desc) from kept"));
        }
    }

    @Test
    void theTestSuitesFastSettingsAreItsOwnChoice() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(0, null, Durability.FAST)) {
            assertEquals("off", query(database, "show fsync"));
            assertEquals("off", query(database, "show synchronous_commit"));
            database.restart(Durability.DURABLE);
            assertEquals("on", query(database, "show fsync"));
            assertEquals("on", query(database, "show synchronous_commit"));
        }
    }

    private static String query(EmbeddedDatabase database, String sql) {
        try (Connection c = DriverManager.getConnection(database.superuserJdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.superuserJdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
