package org.medicore.lab.adapter.in.grpc;

import org.medicore.lab.application.port.in.ProcessLabReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * The one-machine trigger: S3-compatible stores raise no bucket notifications, so a confirmed
 * upload queues processing here, off the caller's thread. Two bounded pools: reports up to
 * {@code largeReportBytes} have their own, so a big report (or many) never delays a small one.
 * A failed run leaves the report PROCESSING; confirming it again processes it again.
 */
final class LocalUploadTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalUploadTrigger.class);

    private final ProcessLabReport processLabReport;
    private final ExecutorService smallReports;
    private final ExecutorService largeReports;
    private final long largeReportBytes;

    LocalUploadTrigger(ProcessLabReport processLabReport, ExecutorService smallReports, ExecutorService largeReports,
                       long largeReportBytes) {
        this.processLabReport = processLabReport;
        this.smallReports = smallReports;
        this.largeReports = largeReports;
        this.largeReportBytes = largeReportBytes;
    }

    void uploaded(String reportId, long sizeBytes) {
        (sizeBytes > largeReportBytes ? largeReports : smallReports).execute(() -> {
            try {
                processLabReport.process(reportId);
            } catch (RuntimeException e) {
                LOG.warn("processing report {} failed; it stays PROCESSING until triggered again: {}", reportId, e.toString());
            }
        });
    }

    @Override
    public void close() {
        smallReports.shutdown();
        largeReports.shutdown();
    }
}
