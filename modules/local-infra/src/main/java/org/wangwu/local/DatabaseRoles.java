package org.wangwu.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The database and its two roles: migrations run as the owner, the app as a role that owns nothing and cannot bypass row-level security. */
public final class DatabaseRoles {

    public static final String DATABASE = "wangwu";
    public static final String OWNER = "wangwu_owner";
    public static final String APP = "wangwu_app";

    private DatabaseRoles() {
    }

    /**
     * Creates (or brings up to date) database {@value #DATABASE} with roles {@value #OWNER} and {@value #APP}.
     * Idempotent, so it also serves a kept data directory or an external server.
     *
     * @param superuserJdbcUrl a superuser's JDBC URL to any database of the server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
     */
    public static void create(String superuserJdbcUrl, String superuser, String superuserPassword,
                              String ownerPassword, String appPassword) throws SQLException {
        try (Connection server = connect(superuserJdbcUrl, superuser, superuserPassword);
             Statement sql = server.createStatement()) {
            upsertRole(server, OWNER, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB", ownerPassword);
            // NOBYPASSRLS is what makes the tenant policies bind the app: a bug above cannot read another county's rows.
            upsertRole(server, APP, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS", appPassword);
            if (!exists(server, "select 1 from pg_database where datname = ?", DATABASE)) {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
            }
            sql.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + APP);
        }
        try (Connection database = connect(withDatabase(superuserJdbcUrl, DATABASE), superuser, superuserPassword);
             Statement sql = database.createStatement()) {
            sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            // Table privileges are the migrations' business (GRANT ... TO wangwu_app), so that a production database gets them too.
            sql.execute("GRANT USAGE ON SCHEMA public TO " + APP);
        }
    }

    private static void upsertRole(Connection server, String role, String attributes, String password) throws SQLException {
        String verb = exists(server, "select 1 from pg_roles where rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement sql = server.createStatement()) {
            // Utility statements take no bind parameters: the password goes in as a quoted literal.
            sql.execute(verb + " ROLE " + role + " " + attributes + " PASSWORD '" + password.replace("'", "''") + "'");
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** The same server URL pointing at another database: jdbc:postgresql://host:port/db?params. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }
}
