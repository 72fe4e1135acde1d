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

import org.junit.jupiter.api.Test;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;

/**
 * The postgres-init Job's provisioning functions (its ConfigMap's provision.sh) run with psql
 * against a real PostgreSQL as a provisioner (CREATEROLE, CREATEDB), before and after the
 * rotations Secrets Manager does: single-user for an owner (its password changed in place),
 * multi-user for a runtime login (a `_clone` made by the master, a member of the login).
 */
class PostgresInitTest {

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

    private void provision(String ownerLogin, String ownerPassword, String runtimeLogin, String runtimePassword) throws Exception {
        Path script = Files.createTempFile("provision", ".sh");
        try {
            Files.writeString(script, provisionScript(), StandardCharsets.UTF_8);
            ProcessBuilder bash = new ProcessBuilder("bash", "-ec", ". " + script
                    // The test's PostgreSQL has no TLS; RDS forces it.
                    + "\nexport PGSSLMODE=disable"
                    + "\nowned_database \"$OWNER\" \"$OWNER_PASSWORD\" \"$DATABASE\""
                    + "\nlogin \"$RUNTIME\" \"$RUNTIME_PASSWORD\" \"$DATABASE\"").redirectErrorStream(true);
            bash.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(postgres.port()),
                    "PGUSER", provisioner, "PGPASSWORD", "provisioner-password", "PGDATABASE", "postgres",
                    "OWNER", ownerLogin, "OWNER_PASSWORD", ownerPassword, "DATABASE", database,
                    "RUNTIME", runtimeLogin, "RUNTIME_PASSWORD", runtimePassword));
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
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
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
