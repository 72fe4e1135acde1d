package org.medicore.lab.domain;

/**
 * Who may decide on a held report: a DOCTOR or an ADMIN, but never the patient who uploaded it
 * deciding on their own upload (an account that is both patient and doctor included).
 */
public final class ReviewAccess {

    private ReviewAccess() {
    }

    public static boolean mayReview(Caller caller) {
        return caller.is(Role.DOCTOR) || caller.is(Role.ADMIN);
    }

    public static boolean mayDecide(Caller caller, LabReport report) {
        boolean ownUploadAsPatient = report.uploadedBy().role() == Role.PATIENT
                && report.uploadedBy().subject().equals(caller.subject());
        return mayReview(caller) && !ownUploadAsPatient;
    }
}
