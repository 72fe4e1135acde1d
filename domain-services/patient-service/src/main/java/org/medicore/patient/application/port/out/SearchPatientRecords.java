package org.medicore.patient.application.port.out;

import org.medicore.patient.application.port.in.PatientPage;
import org.medicore.patient.application.port.in.SearchPatientsQuery;

public interface SearchPatientRecords {

    /** Matching patients ordered by family name, given name, date of birth; throws InvalidFieldsException for a bad page token. */
    PatientPage search(SearchPatientsQuery query);
}
