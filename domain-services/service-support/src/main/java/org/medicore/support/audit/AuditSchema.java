package org.medicore.support.audit;

import org.flywaydb.core.Flyway;

/**
 * Brings the audit database up to date with the owner's credentials, which the services use for
 * nothing else: the owner grants the writer role its insert-only rights. Several services may
 * start at once; Flyway's lock lets one migrate while the others wait.
 */
public final class AuditSchema {

    private AuditSchema() {
    }

    public static void migrate(String url, String owner, String ownerPassword) {
        Flyway.configure()
                .dataSource(url, owner, ownerPassword)
                .schemas("audit")
                .table("audit_schema_history")
                .locations("classpath:db/audit")
                .load()
                .migrate();
    }
}
