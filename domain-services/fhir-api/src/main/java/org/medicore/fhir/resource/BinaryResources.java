package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Binary;

/**
 * A lab report's original PDF as a FHIR Binary: its bytes as {@code data}, and the report's
 * DiagnosticReport as its {@code securityContext}, since whoever may read the report may read its file
 * and no one else.
 */
public final class BinaryResources {

    private BinaryResources() {
    }

    public static Binary labReportFile(String reportId, String contentType, byte[] content) {
        Binary binary = new Binary();
        binary.setId(reportId);
        binary.setContentType(contentType);
        binary.setSecurityContext(FhirValues.reference("DiagnosticReport", reportId));
        binary.setData(content);
        return binary;
    }
}
