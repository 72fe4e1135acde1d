package org.medicore.support.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail with the reader role, which may only select: the one reader, for every
 * front end that shows the trail (the BFF, the FHIR API). Pages run backwards from the newest
 * record by chain position, so a page stays stable while new records arrive.
 */
public class AuditTrailReader {

    /**
     * No record was made before year 1 or after 9999: a bound beyond them selects what the limit
     * itself would, and stays within what a SQL timestamp holds.
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Where a person has no key: no record holds it, as key ids are UUIDs. */
    private static final String NO_KEY = "none";

    private final JdbcClient database;
    private final PatientKeys patientKeys;

    /** Over a connection as the reader role ({@code medicore_audit_reader}), with the keys the writers seal with. */
    public AuditTrailReader(JdbcClient database, AuditKeys keys) {
        this.database = database;
        this.patientKeys = keys.over(database);
    }

    /** Up to {@code size + 1} records before {@code beforePosition}: the extra one says there is a next page. */
    public List<RecordedAccess> page(AuditFilter filter, int size, Long beforePosition) {
        StringBuilder sql = new StringBuilder("""
                select position, occurred_at, subject, roles, client_id, service, operation, action, resource_type,
                       resource_ids, patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id,
                       patient_keys, approved_by
                from audit.access_record where true""");
        List<Object> parameters = new ArrayList<>();
        // A record from before sealing names a person in plaintext; one after, by the id of their key (none once forgotten).
        if (filter.patientId() != null) {
            sql.append(" and (patient_ids @> array[?]::text[] or patient_keys @> array[?]::text[])");
            parameters.add(filter.patientId());
            parameters.add(patientKeys.keyIdOf(filter.patientId()).orElse(NO_KEY));
        }
        if (filter.subject() != null) {
            sql.append(" and (subject = ? or subject like ? || ':%')");
            parameters.add(filter.subject());
            parameters.add(SealedValue.PREFIX + patientKeys.keyIdOf(filter.subject()).orElse(NO_KEY));
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(timestamp(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            parameters.add(timestamp(filter.to()));
        }
        if (beforePosition != null) {
            sql.append(" and position < ?");
            parameters.add(beforePosition);
        }
        sql.append(" order by position desc limit ?");
        parameters.add(size + 1);
        List<Sealed> page = database.sql(sql.toString()).params(parameters).query((row, number) -> sealed(row)).list();
        Map<String, DataKey> keys = patientKeys.byKeyId(page.stream().flatMap(record -> record.keyIds().stream()).distinct().toList());
        return page.stream().map(record -> PersonalValues.opened(record.access(), record.keyIds(), keys)).toList();
    }

    /** A record as stored, and the keys its personal values were sealed with. */
    private record Sealed(RecordedAccess access, List<String> keyIds) {
    }

    private static Sealed sealed(ResultSet row) throws SQLException {
        Array keyIds = row.getArray("patient_keys");
        return new Sealed(record(row), keyIds == null ? List.of() : texts(keyIds));
    }

    private static Timestamp timestamp(Instant bound) {
        return Timestamp.from(bound.isBefore(EARLIEST) ? EARLIEST : bound.isAfter(LATEST) ? LATEST : bound);
    }

    public AuditChainCheck checkChain() {
        return database.sql("select audit.first_broken_link(), (select count(*) from audit.access_record)")
                .query((row, number) -> {
                    long broken = row.getLong(1);
                    Long firstBroken = row.wasNull() ? null : broken;
                    return new AuditChainCheck(firstBroken == null, row.getLong(2), firstBroken);
                }).single();
    }

    private static RecordedAccess record(ResultSet row) throws SQLException {
        return new RecordedAccess(row.getLong("position"), row.getTimestamp("occurred_at").toInstant(),
                row.getString("subject"), texts(row.getArray("roles")), row.getString("client_id"),
                row.getString("service"), row.getString("operation"), row.getString("action"),
                row.getString("resource_type"), texts(row.getArray("resource_ids")), texts(row.getArray("patient_ids")),
                texts(row.getArray("fields_changed")), row.getString("client_address"),
                row.getString("forwarded_for").isEmpty() ? null : row.getString("forwarded_for"),
                row.getString("outcome"), row.getString("status"),
                row.getString("trace_id").isEmpty() ? null : row.getString("trace_id"),
                row.getString("approved_by") == null || row.getString("approved_by").isEmpty() ? null : row.getString("approved_by"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
