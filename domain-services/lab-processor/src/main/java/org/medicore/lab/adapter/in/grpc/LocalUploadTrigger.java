package org.medicore.lab.adapter.in.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.support.grpc.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one-machine trigger: S3-compatible stores raise no bucket notifications, so a confirmed
 * upload queues processing here, off the caller's thread. Two bounded pools: reports up to
 * {@code largeReportBytes} have their own, so a big report (or many) never delays a small one.
 * A run that failed for a reason that passes (S3 or DynamoDB unreachable or answering 5xx, so the
 * PDF could not be read or the report saved; patient-service unavailable or too slow to take the
 * results) is run again after a pause that doubles up to {@code longestPause}, until it gets
 * through: an outage is waited out, never judged, and no one else would trigger the report again
 * (processing is idempotent). Any other failed run leaves the report PROCESSING; confirming it
 * again processes it again.
 */
final class LocalUploadTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalUploadTrigger.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** What patient-service answers when it is away or too slow, not because of the report. */
    private static final Set<Status.Code> PASSING = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED);

    private final ProcessLabReport processLabReport;
    private final ExecutorService smallReports;
    private final ExecutorService largeReports;
    private final ScheduledExecutorService retries;
    private final long largeReportBytes;
    private final Duration longestPause;

    LocalUploadTrigger(ProcessLabReport processLabReport, ExecutorService smallReports, ExecutorService largeReports,
                       ScheduledExecutorService retries, long largeReportBytes, Duration longestPause) {
        this.processLabReport = processLabReport;
        this.smallReports = smallReports;
        this.largeReports = largeReports;
        this.retries = retries;
        this.largeReportBytes = largeReportBytes;
        this.longestPause = longestPause;
    }

    void uploaded(String reportId, long sizeBytes) {
        run(reportId, sizeBytes, FIRST_PAUSE);
    }

    private void run(String reportId, long sizeBytes, Duration pauseAfterOutage) {
        (sizeBytes > largeReportBytes ? largeReports : smallReports).execute(() -> {
            try {
                processLabReport.process(reportId);
            } catch (RuntimeException e) {
                if (!passes(e)) {
                    LOG.warn("processing report {} failed; it stays PROCESSING until triggered again: {}", reportId, e.toString());
                    return;
                }
                LOG.warn("processing report {} met a passing failure; trying again in {}: {}", reportId, pauseAfterOutage,
                        e.toString());
                Duration next = pauseAfterOutage.multipliedBy(2);
                retries.schedule(() -> run(reportId, sizeBytes, next.compareTo(longestPause) > 0 ? longestPause : next),
                        pauseAfterOutage.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private static boolean passes(Throwable failure) {
        if (Outages.isOutage(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException status && PASSING.contains(status.getStatus().getCode())
                    || cause instanceof SdkClientException
                    || cause instanceof SdkServiceException service && service.statusCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        smallReports.shutdown();
        largeReports.shutdown();
    }
}
