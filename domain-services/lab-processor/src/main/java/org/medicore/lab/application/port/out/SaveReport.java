package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabReport;

public interface SaveReport {

    /** Stores a new report; false when one with its id exists already. */
    boolean create(LabReport report);

    /** Stores the change if the stored report is still at {@code expectedVersion}; false when it moved on. */
    boolean update(LabReport changed, long expectedVersion);

    /** Stores a final change and its event in one transaction, under the same version check. */
    boolean complete(LabReport.Change change, long expectedVersion);
}
