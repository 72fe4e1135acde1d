package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.LabReport;

import java.util.Optional;

public interface LoadReport {

    Optional<LabReport> load(String reportId);
}
