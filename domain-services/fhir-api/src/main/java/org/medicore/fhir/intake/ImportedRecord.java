package org.medicore.fhir.intake;

import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;

import java.util.List;
import java.util.Optional;

/**
 * What a transaction Bundle asks patient-service to record: one patient's demographics (and the
 * MediCore id its identifier names, if any) and their clinical entries, each with the index of the
 * Bundle entry it came from, in the Bundle's order.
 */
record ImportedRecord(int patientEntry, RegisterPatientRequest demographics, Optional<String> medicoreId, List<Clinical> entries) {

    ImportedRecord {
        entries = List.copyOf(entries);
    }

    /** A clinical entry: {@code type} is the FHIR resource type it was sent as, and is answered as. */
    sealed interface Clinical {
        int index();

        String type();
    }

    /** A condition, allergy or medication, as a history entry; the patient id is set once the patient is known. */
    record HistoryDetail(int index, String type, AddHistoryEntryRequest entry) implements Clinical {
    }

    /** A lab result entered by hand. */
    record LabValue(int index, String type, LabResult result) implements Clinical {
    }
}
