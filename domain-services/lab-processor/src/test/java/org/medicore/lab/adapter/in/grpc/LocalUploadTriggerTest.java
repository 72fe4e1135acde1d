package org.medicore.lab.adapter.in.grpc;

import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.lab.support.RunningLabProcessor;
import org.medicore.localstack.TestStack;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.lab.support.SampleReports.aLinesReport;

class LocalUploadTriggerTest extends RunningLabProcessor {

    @Autowired
    private LocalUploadTrigger trigger;

    @Test
    void a_report_whose_pdf_could_not_be_read_while_the_object_store_was_away_is_processed_once_it_is_back() throws Exception {
        String doctor = tokenOf("doctor");
        String patientId = aRegisteredPatient("");
        byte[] pdf = printedFor(patientId, aLinesReport()).pdf();
        String reportId = uploadUnconfirmed(doctor, patientId, pdf);

        TestStack.objectStore().stop();
        LabReportStatus duringOutage;
        try {
            trigger.uploaded(reportId, pdf.length);
            // the first run and the one after a second's pause meet the outage
            Thread.sleep(2_500);
            duringOutage = labServiceAs(doctor).getReportStatus(GetReportStatusRequest.newBuilder().setReportId(reportId).build())
                    .getReport().getStatus();
        } finally {
            TestStack.objectStore().startAgain();
        }

        assertThat(duringOutage).isIn(LabReportStatus.AWAITING_UPLOAD, LabReportStatus.UPLOADED, LabReportStatus.PROCESSING);
        assertThat(awaitFinal(doctor, reportId).getStatus()).isEqualTo(LabReportStatus.PROCESSED);
    }
}
