package org.medicore.appointment.application.service;

import org.medicore.appointment.application.port.in.ErasePatient;
import org.medicore.appointment.application.port.out.FormatEvent;
import org.medicore.appointment.application.port.out.ForgetPatientRecords;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.domain.AppointmentEvent;
import org.medicore.appointment.domain.Decision;
import org.medicore.appointment.domain.PatientErasure;
import org.medicore.support.port.AppendToOutbox;
import org.medicore.support.port.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Erases a patient's traces in one transaction: their appointments (cancelled when ahead, their text
 * gone), their booking keys and the relayed outbox rows of their appointments. The cancellations go out
 * through the outbox like any other, so billing, analytics and notifications see the slots freed.
 */
public final class PatientErasureService implements ErasePatient {

    private final LoadAppointments appointments;
    private final SaveAppointment saveAppointment;
    private final ForgetPatientRecords records;
    private final FormatEvent formatEvent;
    private final AppendToOutbox outbox;
    private final Transactions transactions;
    private final PatientErasure erasure;
    private final Clock clock;

    public PatientErasureService(LoadAppointments appointments, SaveAppointment saveAppointment,
                                 ForgetPatientRecords records, FormatEvent formatEvent, AppendToOutbox outbox,
                                 Transactions transactions, PatientErasure erasure, Clock clock) {
        this.appointments = appointments;
        this.saveAppointment = saveAppointment;
        this.records = records;
        this.formatEvent = formatEvent;
        this.outbox = outbox;
        this.transactions = transactions;
        this.erasure = erasure;
        this.clock = clock;
    }

    @Override
    public Erased erase(Command command) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<Decision.Accepted> erased = appointments.ofPatientForChange(command.patientId()).stream()
                    .flatMap(appointment -> erasure.erase(appointment, now).stream())
                    .toList();
            erased.forEach(this::save);
            List<AppointmentEvent> cancellations = erased.stream().flatMap(change -> change.events().stream()).toList();
            outbox.append(cancellations.stream().map(formatEvent::format).toList());
            int bookingRequests = records.forgetBookingRequests(command.patientId());
            int relayed = records.forgetRelayedEvents(command.patientId());
            return new Erased(cancellations.size(), erased.size(), bookingRequests, relayed);
        });
    }

    /** A cancellation frees a slot and a change of text takes none, so no write here can meet another booking. */
    private void save(Decision.Accepted change) {
        SaveAppointment.SlotClaim claim = saveAppointment.update(change.appointment());
        if (claim != SaveAppointment.SlotClaim.SAVED) {
            throw new IllegalStateException("erasing appointment " + change.appointment().id() + " met " + claim);
        }
    }
}
