package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.PatientId;

public record PatientNotFound(PatientId id) implements PatientLookup, DemographicsUpdateResult, PatientRefusal {
}
