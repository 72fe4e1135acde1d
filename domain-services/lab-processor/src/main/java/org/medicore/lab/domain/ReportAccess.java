package org.medicore.lab.domain;

/**
 * Who may act on a patient's lab reports: a PATIENT only for themselves (a patient's id is
 * their account's token subject), DOCTOR and ADMIN for anyone.
 */
public final class ReportAccess {

    private ReportAccess() {
    }

    public static boolean mayActFor(Caller caller, String patientId) {
        return caller.is(Role.ADMIN) || caller.is(Role.DOCTOR)
                || (caller.is(Role.PATIENT) && caller.subject().equals(patientId));
    }
}
