package org.medicore.bench;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The audit trail after a fault, read as the BFF reads it (the reader role): every booking the
 * workload saw acknowledged has its ALLOWED record at appointment-service, since a call whose audit
 * record cannot be written is refused rather than answered; and the hash chain over every record of
 * the run is intact, so a fault neither dropped nor garbled a record in the middle of the chain.
 */
final class AuditChecks {

    private final String patientId;

    /** The patient the workload books for; each scenario has its own. */
    AuditChecks(String patientId) {
        this.patientId = patientId;
    }

    List<FaultChecks.Verdict> check(List<BookingWorkload.Booking> bookings) throws SQLException {
        long acknowledged = bookings.stream().filter(booking -> booking.appointmentId().isPresent()).count();
        try (Connection db = DriverManager.getConnection(TestStack.postgres().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD)) {
            long recorded = count(db, "select count(*) from audit.access_record where operation = 'BookAppointment'"
                    + " and outcome = 'ALLOWED' and patient_ids @> array[?]::text[]");
            Long firstBroken;
            long records;
            try (PreparedStatement statement = db.prepareStatement(
                    "select audit.first_broken_link(), (select count(*) from audit.access_record)");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                long broken = row.getLong(1);
                firstBroken = row.wasNull() ? null : broken;
                records = row.getLong(2);
            }
            return List.of(
                    new FaultChecks.Verdict("every acknowledged booking is in the audit trail", recorded >= acknowledged,
                            acknowledged + " acknowledged, " + recorded + " ALLOWED BookAppointment records of the patient"
                                    + " (a retry answered from its idempotency key is recorded again)"),
                    new FaultChecks.Verdict("the audit trail's hash chain is intact", firstBroken == null,
                            records + " records" + (firstBroken == null ? "" : ", first broken at position " + firstBroken)));
        }
    }

    private long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, patientId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
