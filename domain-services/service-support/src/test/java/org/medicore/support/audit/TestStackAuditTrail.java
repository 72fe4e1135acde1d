package org.medicore.support.audit;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The test stack's audit trail as the BFF reads it (reader role, personal values opened), oldest record first: the one
 * way a service's test checks what its calls recorded, now that a patient's values are stored sealed.
 */
public final class TestStackAuditTrail {

    private TestStackAuditTrail() {
    }

    /** Every record that names the patient. */
    public static List<RecordedAccess> recordsOfPatient(String patientId) {
        return oldestFirst(reader().page(new AuditFilter(patientId, null, null, null), 1_000, null));
    }

    /** Those of the newest {@code newest} records that {@code naming} picks, for what the filter can't ask (a resource id). */
    public static List<RecordedAccess> recordsAmongNewest(int newest, Predicate<RecordedAccess> naming) {
        List<RecordedAccess> records = new ArrayList<>();
        Long before = null;
        while (records.size() < newest) {
            List<RecordedAccess> page = reader().page(new AuditFilter(null, null, null, null), 100, before);
            records.addAll(page.subList(0, Math.min(page.size(), 100)));
            if (page.size() <= 100) {
                break;
            }
            before = page.get(99).position();
        }
        return oldestFirst(records.stream().filter(naming).toList());
    }

    private static AuditTrailReader reader() {
        return new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(TestStack.postgres().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD)), AuditKeys.local());
    }

    private static List<RecordedAccess> oldestFirst(List<RecordedAccess> newestFirst) {
        return newestFirst.reversed();
    }
}
