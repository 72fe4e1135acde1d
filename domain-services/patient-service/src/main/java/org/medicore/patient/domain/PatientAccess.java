package org.medicore.patient.domain;

/**
 * Who may do what with a patient record: a PATIENT only with their own record, DOCTOR and ADMIN
 * with any, BILLING may read demographics only.
 */
public final class PatientAccess {

    private PatientAccess() {
    }

    public static boolean mayReadDemographics(Caller caller, Patient patient) {
        return caller.is(Role.ADMIN) || caller.is(Role.DOCTOR) || caller.is(Role.BILLING) || ownsRecord(caller, patient);
    }

    public static boolean mayChangeDemographics(Caller caller, Patient patient) {
        return caller.is(Role.ADMIN) || caller.is(Role.DOCTOR) || ownsRecord(caller, patient);
    }

    /** Registration by staff, or a PATIENT registering themselves (linked to their own subject). */
    public static boolean mayRegister(Caller caller, java.util.Optional<String> keycloakSubject) {
        if (caller.is(Role.ADMIN) || caller.is(Role.DOCTOR)) {
            return true;
        }
        return caller.is(Role.PATIENT) && keycloakSubject.filter(caller.subject()::equals).isPresent();
    }

    private static boolean ownsRecord(Caller caller, Patient patient) {
        return caller.is(Role.PATIENT) && patient.isOwnedBy(caller.subject());
    }
}
