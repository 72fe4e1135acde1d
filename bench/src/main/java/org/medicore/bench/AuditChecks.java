package org.medicore.bench;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.TestStack;

import org.medicore.support.audit.AuditChainCheck;
import org.medicore.support.audit.AuditFilter;
import org.medicore.support.audit.AuditKeys;
import org.medicore.support.audit.AuditTrailReader;
import org.medicore.support.audit.RecordedAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    private static final int PAGE = 100;

    private final String patientId;

    /** The patient the workload books for; each scenario has its own. */
    AuditChecks(String patientId) {
        this.patientId = patientId;
    }

    List<FaultChecks.Verdict> check(List<BookingWorkload.Booking> bookings, List<BookingWorkload.Change> changes,
                                    List<BookingWorkload.Registration> registrations) {
        long acknowledged = bookings.stream().filter(booking -> booking.appointmentId().isPresent()).count();
        AuditTrailReader trail = new AuditTrailReader(JdbcClient.create(new DriverManagerDataSource(
                TestStack.postgres().jdbcUrl(AuditDatabase.NAME), AuditDatabase.READER, AuditDatabase.READER_PASSWORD)),
                AuditKeys.local());
        List<RecordedAccess> ofThePatient = allowed(everyRecordOf(trail, patientId));
        long recorded = ofThePatient.stream().filter(record -> record.operation().equals("BookAppointment")).count();
        List<String> cancelled = answered(changes, BookingWorkload.Kind.CANCELLATION);
        List<String> moved = answered(changes, BookingWorkload.Kind.MOVE);
        List<String> registered = registrations.stream().filter(registration -> !registration.byAnEarlierTry())
                .flatMap(registration -> registration.patientId().stream()).toList();
        Set<String> cancelRecords = resourceIds(ofThePatient, "CancelAppointment");
        Set<String> moveRecords = resourceIds(ofThePatient, "RescheduleAppointment");
        Set<String> registrationRecords = registered.stream().filter(patient -> allowed(everyRecordOf(trail, patient)).stream()
                .anyMatch(record -> record.operation().equals("RegisterPatient"))).collect(Collectors.toSet());
        AuditChainCheck chain = trail.checkChain();
        return List.of(
                new FaultChecks.Verdict("every acknowledged booking is in the audit trail", recorded >= acknowledged,
                        acknowledged + " acknowledged, " + recorded + " ALLOWED BookAppointment records of the patient"
                                + " (a retry answered from its idempotency key is recorded again)"),
                everyOneRecorded("cancellation", cancelled, cancelRecords),
                everyOneRecorded("move", moved, moveRecords),
                everyOneRecorded("registration", registered, registrationRecords),
                new FaultChecks.Verdict("the audit trail's hash chain is intact", chain.intact(),
                        chain.records() + " records" + (chain.intact() ? "" : ", first broken at position "
                                + chain.firstBrokenPosition())));
    }

    /**
     * A patient's records as the BFF reads them: their ids are stored sealed with the patient's key (issue 27), so the
     * check reads through the trail's reader instead of matching the columns.
     */
    private static List<RecordedAccess> everyRecordOf(AuditTrailReader trail, String patient) {
        List<RecordedAccess> records = new ArrayList<>();
        Long before = null;
        List<RecordedAccess> page;
        do {
            page = trail.page(new AuditFilter(patient, null, null, null), PAGE, before);
            records.addAll(page.subList(0, Math.min(page.size(), PAGE)));
            before = page.isEmpty() ? null : page.get(Math.min(page.size(), PAGE) - 1).position();
        } while (page.size() > PAGE);
        return records;
    }

    private static List<RecordedAccess> allowed(List<RecordedAccess> records) {
        return records.stream().filter(record -> record.outcome().equals("ALLOWED")).toList();
    }

    private static Set<String> resourceIds(List<RecordedAccess> records, String operation) {
        return records.stream().filter(record -> record.operation().equals(operation))
                .flatMap(record -> record.resourceIds().stream()).collect(Collectors.toSet());
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
}
