package org.medicore.patient.application.port.out;

import org.medicore.patient.application.port.in.ListLabResultsQuery;
import org.medicore.patient.application.port.in.Page;
import org.medicore.patient.domain.LabResult;

public interface LoadLabResults {

    /** Newest observation first; throws InvalidFieldsException for a page token not from this patient's results. */
    Page<LabResult> page(ListLabResultsQuery query);
}
