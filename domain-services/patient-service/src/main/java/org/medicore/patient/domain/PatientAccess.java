package org.medicore.patient.domain;

import java.util.Optional;

/**
 * Who may do what with a patient record: a PATIENT only with their own record, DOCTOR and ADMIN
 * with any, BILLING may read demographics only. Clinical data (history, lab results) is recorded
 * by DOCTOR and ADMIN only and read by them and the patient it belongs to.
 */
public final class PatientAccess {

    private PatientAccess() {
    }

    public static boolean mayReadDemographics(Caller caller, Patient patient) {
        return isClinician(caller) || caller.is(Role.BILLING) || ownsRecord(caller, patient);
    }

    public static boolean mayChangeDemographics(Caller caller, Patient patient) {
        return isClinician(caller) || ownsRecord(caller, patient);
    }

    /** Registration by staff, or a PATIENT registering themselves (linked to their own subject). */
    public static boolean mayRegister(Caller caller, Optional<String> keycloakSubject) {
        if (isClinician(caller)) {
            return true;
        }
        return caller.is(Role.PATIENT) && keycloakSubject.filter(caller.subject()::equals).isPresent();
    }

    /** History entries and lab results: the lab pipeline's partner client acts with the DOCTOR role. */
    public static boolean mayRecordClinicalData(Caller caller, Patient patient) {
        return isClinician(caller);
    }

    public static boolean mayReadClinicalData(Caller caller, Patient patient) {
        return isClinician(caller) || ownsRecord(caller, patient);
    }

    private static boolean isClinician(Caller caller) {
        return caller.is(Role.ADMIN) || caller.is(Role.DOCTOR);
    }

    private static boolean ownsRecord(Caller caller, Patient patient) {
        return caller.is(Role.PATIENT) && patient.isOwnedBy(caller.subject());
    }
}
