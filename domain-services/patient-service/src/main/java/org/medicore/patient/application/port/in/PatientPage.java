package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.Patient;

import java.util.List;

/** One page of patients; an empty next-page token on the last page. */
public record PatientPage(List<Patient> patients, String nextPageToken) {
}
