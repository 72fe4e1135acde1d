package org.medicore.localstack;

import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.util.Map;

/**
 * The audit trail's database and its login roles: the services insert as the writer, the BFF
 * reads as the reader, erasure deletes patients' keys as the eraser. The schema and the grants come from the services' own migration
 * (service-support), run with the owner's credentials.
 */
public final class AuditDatabase {

    public static final String NAME = "audit";
    public static final String WRITER = "medicore_audit_writer";
    public static final String WRITER_PASSWORD = "medicore-audit-writer-password";
    public static final String READER = "medicore_audit_reader";
    public static final String READER_PASSWORD = "medicore-audit-reader-password";
    /** Deletes a patient's data key when the patient is forgotten, and records that it did. */
    public static final String ERASER = "medicore_audit_eraser";
    public static final String ERASER_PASSWORD = "medicore-audit-eraser-password";

    private AuditDatabase() {
    }

    static void provision(PostgresServer postgres) {
        postgres.ensureDatabase(NAME);
        postgres.ensureLoginRole(WRITER, WRITER_PASSWORD);
        postgres.ensureLoginRole(READER, READER_PASSWORD);
        postgres.ensureLoginRole(ERASER, ERASER_PASSWORD);
    }

    /**
     * The audit schema as every service migrates it at start (service-support's {@code AuditSchema}: same schema,
     * history table and scripts, read here from the repository's sources since this module is built before
     * service-support), for tools that need the trail before any service ran.
     */
    public static void migrate(int port, Path repository) {
        migrate("jdbc:postgresql://127.0.0.1:" + port + "/" + NAME, PostgresServer.USER, PostgresServer.PASSWORD, repository);
    }

    /** The same migration into any database as any login: the cluster's Job runs it as the database's owner. */
    public static void migrate(String url, String username, String password, Path repository) {
        Flyway.configure()
                .dataSource(url, username, password)
                .schemas("audit")
                .table("audit_schema_history")
                .locations("filesystem:" + repository.resolve("domain-services/service-support/src/main/resources/db/audit"))
                .load()
                .migrate();
    }

    /** What a service needs to audit its calls, as Spring properties. */
    public static Map<String, String> writerProperties(PostgresServer postgres) {
        return Map.of("medicore.audit.url", postgres.jdbcUrl(NAME),
                "medicore.audit.username", WRITER,
                "medicore.audit.password", WRITER_PASSWORD,
                "medicore.audit.owner-username", PostgresServer.USER,
                "medicore.audit.owner-password", PostgresServer.PASSWORD);
    }
}
