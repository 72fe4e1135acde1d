package org.medicore.support.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * A record as the trail stores it: the facts of an {@link AccessRecord} with its personal values (sealed or not), the ids of the
 * keys that sealed them, and the admin who approved it where an erasure needed one. The one insert of the trail.
 */
record StoredRecord(AccessRecord facts, Personal personal, List<String> patientKeys, String approvedBy) {

    /** The values of {@code facts} that identify a person, as stored: sealed ones are longer than the facts keep. */
    record Personal(String subject, List<String> resourceIds, List<String> patientIds, String clientAddress,
                    String forwardedFor) {

        static Personal asIs(AccessRecord facts) {
            return new Personal(facts.subject(), facts.resourceIds(), facts.patientIds(), facts.clientAddress(),
                    facts.forwardedFor());
        }
    }

    private static final String INSERT = """
            INSERT INTO audit.access_record (occurred_at, subject, roles, client_id, service, operation, action,
                resource_type, resource_ids, patient_ids, fields_changed, client_address, forwarded_for, outcome, status,
                trace_id, patient_keys, approved_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    StoredRecord {
        patientKeys = List.copyOf(patientKeys);
    }

    void insertInto(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(facts.occurredAt()));
            insert.setString(2, personal.subject());
            insert.setArray(3, texts(connection, facts.roles()));
            insert.setString(4, facts.clientId());
            insert.setString(5, facts.service());
            insert.setString(6, facts.operation());
            insert.setString(7, facts.action().name());
            insert.setString(8, facts.resourceType());
            insert.setArray(9, texts(connection, personal.resourceIds()));
            insert.setArray(10, texts(connection, personal.patientIds()));
            insert.setArray(11, texts(connection, facts.fieldsChanged()));
            insert.setString(12, personal.clientAddress());
            insert.setString(13, personal.forwardedFor());
            insert.setString(14, facts.outcome().name());
            insert.setString(15, facts.status());
            insert.setString(16, facts.traceId());
            insert.setArray(17, texts(connection, patientKeys));
            insert.setString(18, approvedBy);
            insert.executeUpdate();
        }
    }

    private static java.sql.Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
