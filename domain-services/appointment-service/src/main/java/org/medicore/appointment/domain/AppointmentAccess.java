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

    /**
     * On whose behalf a caller cancels when they do not say: the appointment's patient for
     * themselves, its practitioner for their own schedule, the clinic for administrators, the
     * system for a service account. Never the patient by default, who would owe a late fee.
     */
    public static CancellingParty partyOf(Caller caller, Appointment appointment) {
        if (isDoctorOf(caller, appointment.practitioner())) {
            return CancellingParty.PRACTITIONER;
        }
        if (caller.is(Role.ADMIN)) {
            return CancellingParty.CLINIC;
        }
        if (isPatient(caller, appointment.patientId())) {
            return CancellingParty.PATIENT;
        }
        return CancellingParty.SYSTEM;
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
