package org.medicore.patient.application.port.in;

/** Refusals every use case on one patient's clinical data shares: unknown patient, or not for this caller. */
public sealed interface PatientRefusal extends HistoryEntryAddition, HistoryListing, LabResultAttachment, LabResultListing
        permits PatientNotFound, AccessDenied {
}
