package org.medicore.fhir.support;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.AuditSchema;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.PostgresAuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real audit trail for the API's tests: the services' migration in a database of the test
 * PostgreSQL, read as the reader role as the running API reads it, and written as the services
 * write it (the insert-only role), so a test can put records there.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AuditTrailOnPostgres {

    private static final String URL = migrated();

    private static String migrated() {
        String url = TestStack.newDatabaseUrl("fhir_audit");
        AuditSchema.migrate(url, PostgresServer.USER, PostgresServer.PASSWORD);
        return url;
    }

    @Bean
    AuditTrailReader auditTrailReader() {
        return new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(URL, AuditDatabase.READER,
                AuditDatabase.READER_PASSWORD)), AuditKeys.local());
    }

    @Bean(destroyMethod = "close")
    PostgresAuditTrail auditTrailWriter() {
        return PostgresAuditTrail.connect(URL, AuditDatabase.WRITER, AuditDatabase.WRITER_PASSWORD, AuditKeys.local());
    }
}
