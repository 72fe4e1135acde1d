package org.medicore.appointment.domain;

/**
 * Who may do what. ADMIN: everything. PATIENT: their own appointments, the token subject being
 * the patient id. DOCTOR: the schedule of the practitioner whose account they are.
 */
public final class AppointmentAccess {

    private AppointmentAccess() {
    }

    public static boolean mayBook(Caller caller, PatientId patient, PractitionerRef practitioner) {
        return caller.is(Role.ADMIN) || isPatient(caller, patient) || isDoctorOf(caller, practitioner);
    }

    public static boolean maySee(Caller caller, Appointment appointment) {
        return mayBook(caller, appointment.patientId(), appointment.practitioner());
    }

    /** A patient cancels only on their own behalf; staff may name any party. */
    public static boolean mayCancel(Caller caller, Appointment appointment, CancellingParty party) {
        if (caller.is(Role.ADMIN) || isDoctorOf(caller, appointment.practitioner())) {
            return true;
        }
        return isPatient(caller, appointment.patientId()) && party == CancellingParty.PATIENT;
    }

    public static boolean mayRecordAttendance(Caller caller, Appointment appointment) {
        return maySeeScheduleOf(caller, appointment.practitioner());
    }

    public static boolean maySeeAppointmentsOf(Caller caller, PatientId patient) {
        return caller.is(Role.ADMIN) || isPatient(caller, patient);
    }

    public static boolean maySeeScheduleOf(Caller caller, PractitionerRef practitioner) {
        return caller.is(Role.ADMIN) || isDoctorOf(caller, practitioner);
    }

    public static boolean mayManagePractitioners(Caller caller) {
        return caller.is(Role.ADMIN);
    }

    private static boolean isPatient(Caller caller, PatientId patient) {
        return caller.is(Role.PATIENT) && caller.subject().equals(patient.value());
    }

    private static boolean isDoctorOf(Caller caller, PractitionerRef practitioner) {
        return caller.is(Role.DOCTOR) && practitioner.isAccountOf(caller);
    }
}
