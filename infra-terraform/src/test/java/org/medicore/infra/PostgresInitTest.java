package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;

/**
 * The postgres-init Job's provisioning functions (its ConfigMap's provision.sh) run with psql
 * against a real PostgreSQL as a provisioner (CREATEROLE, CREATEDB), before and after the
 * rotations Secrets Manager does: single-user for an owner (its password changed in place),
 * multi-user for a runtime login (a `_clone` made by the master, a member of the login); and the
 * audit trail's logins, migrated as the cluster migrates them, with the rights the migration grants.
 */
class PostgresInitTest {

    /** The audit trail's eraser, as service-support's migration names it and grants it. */
    private static final String ERASER = "medicore_audit_eraser";

    private final PostgresServer postgres = TestStack.postgres();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String provisioner = "provisioner_" + suffix;
    private final String owner = "owner_" + suffix;
    private final String runtime = "service_" + suffix;
    private final String database = "db_" + suffix;

    @SuppressWarnings("unchecked")
    static String provisionScript() {
        for (Map<String, Object> document : Repository.yamlDocuments(Repository.KUBERNETES.resolve("base/postgres-init-job.yaml"))) {
            if ("postgres-init-scripts".equals(KubernetesManifestsTest.map(document, "metadata").get("name"))) {
                return (String) ((Map<String, Object>) document.get("data")).get("provision.sh");
            }
        }
        throw new AssertionError("no ConfigMap postgres-init-scripts in postgres-init-job.yaml");
    }

    @Test
    void aRunAfterRotationsChangesNoPasswordAndEachDatabaseBelongsToItsMigrationLogin() throws Exception {
        assumeTrue(Repository.onPath("psql") != null, "psql is not on PATH: the provisioning script is not run");
        superuser("CREATE ROLE " + provisioner + " LOGIN CREATEROLE CREATEDB PASSWORD 'provisioner-password'");

        provision(owner, "owner-first", runtime, "runtime-first");
        assertThat(databaseOwner()).isEqualTo(owner);
        assertThat(connectPrivilege(runtime)).isTrue();

        // Secrets Manager's rotations: the owner's password in place; the runtime login's clone by the master.
        superuser("ALTER ROLE " + owner + " PASSWORD 'owner-rotated'");
        superuser("CREATE ROLE " + runtime + "_clone LOGIN PASSWORD 'clone-rotated'");
        superuser("GRANT " + runtime + " TO " + runtime + "_clone");
        // Stored as salted SCRAM: setting any password again, even the same one, changes them.
        Map<String, String> rotated = Map.of(owner, storedPassword(owner), runtime, storedPassword(runtime),
                runtime + "_clone", storedPassword(runtime + "_clone"));

        // The Job runs again with what its Secret held before External Secrets refreshed it.
        provision(owner, "owner-first", runtime + "_clone", "clone-stale");
        rotated.forEach((login, password) -> assertThat(storedPassword(login)).as(login).isEqualTo(password));
        assertThat(databaseOwner()).isEqualTo(owner);
    }

    @Test
    void theAuditTrailsEraserMayConnectAndHasExactlyWhatTheAuditMigrationGrantsIt() throws Exception {
        assumeTrue(Repository.onPath("psql") != null, "psql is not on PATH: the provisioning script is not run");
        superuser("CREATE ROLE " + provisioner + " LOGIN CREATEROLE CREATEDB PASSWORD 'provisioner-password'");
        // The Job's calls for the audit trail, on this test's database (role names are the migration's, shared by the server).
        run(String.join("\n", "owned_database \"$OWNER\" \"$OWNER_PASSWORD\" \"$DATABASE\"",
                        "login medicore_audit_writer writer-password \"$DATABASE\"",
                        "login medicore_audit_reader reader-password \"$DATABASE\"",
                        "login \"$ERASER\" eraser-password \"$DATABASE\""),
                Map.of("OWNER", owner, "OWNER_PASSWORD", "owner-password", "ERASER", ERASER));
        // Then the schema-migrations Job: service-support's audit migrations as the owner, who may create no role.
        AuditDatabase.migrate(postgres.jdbcUrl(database), owner, "owner-password", Repository.ROOT);

        assertThat(inDatabase("SELECT string_agg(p, ',' ORDER BY p) FROM (VALUES ('CONNECT'), ('CREATE'), ('TEMPORARY')) v(p)"
                + " WHERE has_database_privilege('" + ERASER + "', current_database(), p)")).isEqualTo("CONNECT");
        assertThat(inDatabase("SELECT string_agg(p, ',' ORDER BY p) FROM (VALUES ('USAGE'), ('CREATE')) v(p)"
                + " WHERE has_schema_privilege('" + ERASER + "', 'audit', p)")).isEqualTo("USAGE");
        // Every table of the schema, every privilege: a key to find and delete, nothing else whole.
        assertThat(inDatabase("SELECT string_agg(c.relname || ':' || p, ',' ORDER BY c.relname, p) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'audit'"
                + " CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) v(p)"
                + " WHERE c.relkind IN ('r', 'v', 'm', 'p') AND has_table_privilege('" + ERASER + "', c.oid, p)"))
                .isEqualTo("patient_key:DELETE,patient_key:SELECT");
        // Columns: only the facts of its own record (an erasure's), never a position or a hash, never a read of the records.
        assertThat(inDatabase("SELECT string_agg(a.attname || ':' || p, ',' ORDER BY a.attname, p) FROM pg_attribute a"
                + " CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('REFERENCES')) v(p)"
                + " WHERE a.attrelid = 'audit.access_record'::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND has_column_privilege('" + ERASER + "', a.attrelid, a.attnum, p)"))
                .isEqualTo(Stream.of("occurred_at", "subject", "roles", "client_id", "service", "operation", "action", "resource_type",
                        "resource_ids", "patient_ids", "fields_changed", "client_address", "forwarded_for", "outcome", "status", "trace_id",
                        "patient_keys", "approved_by").sorted().map(column -> column + ":INSERT").collect(Collectors.joining(",")));
        assertThat(inDatabase("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication FROM pg_roles"
                + " WHERE rolname = '" + ERASER + "'")).isEqualTo("f");
        assertThat(inDatabase("SELECT count(*) FROM pg_auth_members WHERE member = '" + ERASER + "'::regrole")).isEqualTo("0");
    }

    private void provision(String ownerLogin, String ownerPassword, String runtimeLogin, String runtimePassword) throws Exception {
        run("owned_database \"$OWNER\" \"$OWNER_PASSWORD\" \"$DATABASE\"\nlogin \"$RUNTIME\" \"$RUNTIME_PASSWORD\" \"$DATABASE\"",
                Map.of("OWNER", ownerLogin, "OWNER_PASSWORD", ownerPassword, "RUNTIME", runtimeLogin, "RUNTIME_PASSWORD", runtimePassword));
    }

    /** The provisioning functions called as the Job's container calls them, as the provisioner, on this test's database. */
    private void run(String calls, Map<String, String> variables) throws Exception {
        Path script = Files.createTempFile("provision", ".sh");
        try {
            Files.writeString(script, provisionScript(), StandardCharsets.UTF_8);
            ProcessBuilder bash = new ProcessBuilder("bash", "-ec", ". " + script
                    // The test's PostgreSQL has no TLS; RDS forces it.
                    + "\nexport PGSSLMODE=disable\n" + calls).redirectErrorStream(true);
            bash.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(postgres.port()),
                    "PGUSER", provisioner, "PGPASSWORD", "provisioner-password", "PGDATABASE", "postgres", "DATABASE", database));
            bash.environment().putAll(variables);
            Process process = bash.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String databaseOwner() {
        return superuserQuery("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'");
    }

    private String storedPassword(String login) {
        return superuserQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + login + "'");
    }

    private boolean connectPrivilege(String login) {
        return "t".equals(superuserQuery("SELECT has_database_privilege('" + login + "', '" + database + "', 'CONNECT')"));
    }

    private String superuserQuery(String sql) {
        return query("postgres", sql);
    }

    private String inDatabase(String sql) {
        return query(database, sql);
    }

    private String query(String inDatabase, String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(inDatabase), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void superuser(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
