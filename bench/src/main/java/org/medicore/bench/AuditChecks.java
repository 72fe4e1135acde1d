package org.medicore.bench;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The audit trail after a fault, read as the BFF reads it (the reader role): every booking, cancellation, move and
 * registration the workload saw acknowledged has its ALLOWED record at the service that made it, since a call whose
 * audit record cannot be written is refused rather than answered; and the hash chain over every record of the run is
 * intact, so a fault neither dropped nor garbled a record in the middle of the chain.
 *
 * <p>A change or registration the workload learnt of only from a retry's refusal is left out: its own answer was lost,
 * and a service killed between committing and recording leaves such a call without a record, which no caller was told
 * had succeeded.
 */
final class AuditChecks {

    private static final String ALLOWED_IDS = "select distinct unnest(%1$s) from audit.access_record"
            + " where operation = ? and outcome = 'ALLOWED' and %1$s && ?";

    private final String patientId;

    /** The patient the workload books for; each scenario has its own. */
    AuditChecks(String patientId) {
        this.patientId = patientId;
    }

    List<FaultChecks.Verdict> check(List<BookingWorkload.Booking> bookings, List<BookingWorkload.Change> changes,
                                    List<BookingWorkload.Registration> registrations) throws SQLException {
        long acknowledged = bookings.stream().filter(booking -> booking.appointmentId().isPresent()).count();
        try (Connection db = DriverManager.getConnection(TestStack.postgres().jdbcUrl(AuditDatabase.NAME),
                AuditDatabase.READER, AuditDatabase.READER_PASSWORD)) {
            long recorded = bookingsRecorded(db);
            List<String> cancelled = answered(changes, BookingWorkload.Kind.CANCELLATION);
            List<String> moved = answered(changes, BookingWorkload.Kind.MOVE);
            List<String> registered = registrations.stream().filter(registration -> !registration.byAnEarlierTry())
                    .flatMap(registration -> registration.patientId().stream()).toList();
            Set<String> cancelRecords = allowedIds(db, "resource_ids", "CancelAppointment", cancelled);
            Set<String> moveRecords = allowedIds(db, "resource_ids", "RescheduleAppointment", moved);
            Set<String> registrationRecords = allowedIds(db, "patient_ids", "RegisterPatient", registered);
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
                    everyOneRecorded("cancellation", cancelled, cancelRecords),
                    everyOneRecorded("move", moved, moveRecords),
                    everyOneRecorded("registration", registered, registrationRecords),
                    new FaultChecks.Verdict("the audit trail's hash chain is intact", firstBroken == null,
                            records + " records" + (firstBroken == null ? "" : ", first broken at position " + firstBroken)));
        }
    }

    private static List<String> answered(List<BookingWorkload.Change> changes, BookingWorkload.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind && change.acknowledged() && !change.byAnEarlierTry())
                .map(BookingWorkload.Change::appointmentId).toList();
    }

    private static FaultChecks.Verdict everyOneRecorded(String what, List<String> ids, Set<String> recorded) {
        List<String> missing = ids.stream().filter(id -> !recorded.contains(id)).toList();
        return new FaultChecks.Verdict("every acknowledged " + what + " is in the audit trail", missing.isEmpty(),
                ids.size() + " answered, " + (ids.size() - missing.size()) + " with their ALLOWED record"
                        + (missing.isEmpty() ? "" : "; without: " + missing.stream().limit(5).toList()));
    }

    private long bookingsRecorded(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select count(*) from audit.access_record"
                + " where operation = 'BookAppointment' and outcome = 'ALLOWED' and patient_ids @> array[?]::text[]")) {
            statement.setString(1, patientId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Which of {@code ids} an ALLOWED record of {@code operation} names in its {@code column}. */
    private static Set<String> allowedIds(Connection db, String column, String operation, List<String> ids)
            throws SQLException {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        Array asked = db.createArrayOf("text", ids.toArray());
        try (PreparedStatement statement = db.prepareStatement(ALLOWED_IDS.formatted(column))) {
            statement.setString(1, operation);
            statement.setArray(2, asked);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } finally {
            asked.free();
        }
        found.retainAll(Set.copyOf(ids));
        return found;
    }
}
