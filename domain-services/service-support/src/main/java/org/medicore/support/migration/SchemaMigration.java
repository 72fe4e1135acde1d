package org.medicore.support.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.medicore.support.audit.AuditSchema;

/**
 * The cluster's migration Job (kubernetes/base/schema-migrations-job.yaml) runs this from a
 * service's own image, so the migrations and Flyway are exactly those the service was built with.
 * It signs in as the database's owner, the only login that may change the schema, and lets the
 * runtime login use what the owner has made: the services themselves never migrate there.
 *
 * <p>Environment: {@code MIGRATION_SCHEMA} ({@code service}: the service's {@code db/migration};
 * {@code audit}: service-support's audit trail, whose migrations grant its writer and reader
 * themselves), {@code MIGRATION_URL}, {@code MIGRATION_USERNAME}, {@code MIGRATION_PASSWORD}, and
 * for {@code service} the {@code RUNTIME_USERNAME}.
 */
public final class SchemaMigration {

    /** AWS's multi-user rotation alternates a login with this clone, a member of the login. */
    private static final String ROTATION_CLONE = "_clone";

    private SchemaMigration() {
    }

    public static void main(String[] args) throws SQLException {
        run(System.getenv());
    }

    static void run(Map<String, String> environment) throws SQLException {
        String url = required(environment, "MIGRATION_URL");
        String owner = required(environment, "MIGRATION_USERNAME");
        String password = required(environment, "MIGRATION_PASSWORD");
        switch (required(environment, "MIGRATION_SCHEMA")) {
            case "audit" -> AuditSchema.migrate(url, owner, password);
            case "service" -> migrateService(url, owner, password, required(environment, "RUNTIME_USERNAME"));
            default -> throw new IllegalArgumentException("MIGRATION_SCHEMA must be service or audit, not "
                    + environment.get("MIGRATION_SCHEMA"));
        }
    }

    /**
     * Migrates as the owner, then grants the runtime login the rows of every table and the use of
     * every sequence, again after each run, so tables a migration adds are covered. The grant goes
     * to the login the rotation clones, whichever of the pair the secret holds now: the clone has
     * it through its membership.
     */
    public static void migrateService(String url, String owner, String password, String runtimeLogin) throws SQLException {
        Flyway.configure().dataSource(url, owner, password).locations("classpath:db/migration").load().migrate();
        String runtime = quoted(runtimeLogin.endsWith(ROTATION_CLONE)
                ? runtimeLogin.substring(0, runtimeLogin.length() - ROTATION_CLONE.length()) : runtimeLogin);
        try (Connection connection = DriverManager.getConnection(url, owner, password);
             Statement statement = connection.createStatement()) {
            statement.execute("GRANT USAGE ON SCHEMA public TO " + runtime);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + runtime);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + runtime);
            // The migration history is the owner's record; the service has no business changing it.
            statement.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM " + runtime);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        return value;
    }
}
