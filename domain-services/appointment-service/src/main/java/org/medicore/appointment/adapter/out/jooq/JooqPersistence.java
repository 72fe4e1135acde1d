package org.medicore.appointment.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.appointment.application.port.out.ForgetPatientRecords;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.RememberBookingRequests;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.application.port.out.SaveWorkingHours;

/** The PostgreSQL adapters of the service, as the ports they implement; the adapters themselves stay package-private. */
public final class JooqPersistence {

    private final JooqAppointments appointments;
    private final JooqPractitioners practitioners;
    private final JooqWorkingHours workingHours;
    private final JooqPatientRecords patientRecords;

    public JooqPersistence(DSLContext dsl) {
        this.appointments = new JooqAppointments(dsl);
        this.practitioners = new JooqPractitioners(dsl);
        this.workingHours = new JooqWorkingHours(dsl);
        this.patientRecords = new JooqPatientRecords(dsl);
    }

    public LoadAppointments loadAppointments() {
        return appointments;
    }

    public SaveAppointment saveAppointment() {
        return appointments;
    }

    public RememberBookingRequests bookingRequests() {
        return appointments;
    }

    public ForgetPatientRecords forgetPatientRecords() {
        return patientRecords;
    }

    public LoadPractitioner loadPractitioner() {
        return practitioners;
    }

    public SavePractitioner savePractitioner() {
        return practitioners;
    }

    public LoadWorkingHours loadWorkingHours() {
        return workingHours;
    }

    public SaveWorkingHours saveWorkingHours() {
        return workingHours;
    }
}
