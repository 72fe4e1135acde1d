package org.medicore.fhir.export;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a bulk export kick-off asked for.
 *
 * @param scope      the patients named, or the system (admins)
 * @param patientIds the patients whose records are exported; empty for the system
 * @param types      the resource types wanted (the scope's all when the client named none)
 * @param since      only resources changed after it; one whose change time is unknown is kept
 * @param requestUrl the kick-off URL, repeated in the manifest
 */
public record ExportRequest(Scope scope, List<String> patientIds, Set<String> types, Optional<Instant> since, String requestUrl) {

    /** The record of named patients is what patient-service, lab-processor, appointment-service and billing-service hold of them. */
    public static final Set<String> PATIENT_TYPES = Set.of("Patient", "Condition", "AllergyIntolerance", "MedicationStatement",
            "Observation", "DiagnosticReport", "Appointment", "Practitioner", "Account", "Invoice");

    /** The services list no patients wholesale, so the system's export is the clinic's practitioners. */
    public static final Set<String> SYSTEM_TYPES = Set.of("Practitioner");

    public enum Scope {
        PATIENTS(PATIENT_TYPES), SYSTEM(SYSTEM_TYPES);

        private final Set<String> types;

        Scope(Set<String> types) {
            this.types = types;
        }

        public Set<String> types() {
            return types;
        }
    }

    public ExportRequest {
        patientIds = List.copyOf(patientIds);
        types = Set.copyOf(types.isEmpty() ? scope.types() : types);
    }
}
