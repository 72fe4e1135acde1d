package org.medicore.lab.application.service;

import org.medicore.support.port.Refusal;
import org.medicore.support.port.paging.Paging;

/** The refusals more than one of lab's use cases give, each said one way (lab_service.proto lists them). */
public final class LabRefusals {

    public static final Refusal NOT_FOR_THIS_CALLER = new Refusal.Denied("the caller may not act for this patient");

    public static final Refusal FOREIGN_PAGE_TOKEN = Refusal.Invalid.of(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN);

    private static final String REPORT = "medicore.lab.v1.LabReport";
    private static final String PATIENT = "medicore.patient.v1.Patient";

    private LabRefusals() {
    }

    public static Refusal noReport(String reportId) {
        return new Refusal.NotFound(REPORT, reportId);
    }

    public static Refusal noPatient(String patientId) {
        return new Refusal.NotFound(PATIENT, patientId);
    }

    /** Another decision came first; the contract names it VERSION_MISMATCH and the clinician reads the report again. */
    public static Refusal reportChanged(long expectedVersion) {
        return new Refusal.Conflict("VERSION_MISMATCH", "",
                "the report changed since version " + expectedVersion + "; read it again");
    }
}
