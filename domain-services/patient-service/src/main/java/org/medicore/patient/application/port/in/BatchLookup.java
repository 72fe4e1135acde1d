package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientId;

import java.util.List;

public record BatchLookup(List<Patient> found, List<PatientId> missing) {
}
