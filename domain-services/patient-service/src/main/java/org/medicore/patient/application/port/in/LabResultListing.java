package org.medicore.patient.application.port.in;

import org.medicore.patient.domain.LabResult;

public sealed interface LabResultListing permits LabResultListing.Listed, PatientRefusal {

    record Listed(Page<LabResult> page) implements LabResultListing {
    }
}
