package org.medicore.analytics.domain;

import java.util.ArrayList;
import java.util.List;

/** Where an appointment or its revenue belongs: clinic, department and practitioner, each possibly blank. */
public record CareUnit(String clinicId, String department, String practitionerId) {

    public CareUnit {
        clinicId = clinicId == null ? "" : clinicId;
        department = department == null ? "" : department;
        practitionerId = practitionerId == null ? "" : practitionerId;
    }

    /** The dimension values this unit is counted under; a blank one is left out. */
    public List<DimensionKey> dimensions() {
        List<DimensionKey> keys = new ArrayList<>(3);
        if (!clinicId.isBlank()) {
            keys.add(new DimensionKey(Dimension.CLINIC, clinicId));
        }
        if (!department.isBlank()) {
            keys.add(new DimensionKey(Dimension.DEPARTMENT, department));
        }
        if (!practitionerId.isBlank()) {
            keys.add(new DimensionKey(Dimension.PRACTITIONER, practitionerId));
        }
        return List.copyOf(keys);
    }
}
