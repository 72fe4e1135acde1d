package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.PrintedReport;
import org.medicore.lab.domain.ReadingLimits;
import org.medicore.lab.domain.LabReportStatus;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.UploadLimits;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one core both triggers drive: checks the stored object, reads the whole report first and
 * only then attaches its results, so a bad report leaves nothing on the patient record. A report
 * with anything a clinician must see (a line not read, a flag the range contradicts, a critical
 * value, another patient's or no identity) is held in NEEDS_REVIEW with nothing attached. A
 * failure while attaching leaves the report PROCESSING; processing it again attaches each line
 * once (the idempotency key is report id + line).
 */
public final class LabReportProcessing implements ProcessLabReport {

    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final ReportObjects objects;
    private final ExtractText extractText;
    private final ResultsFiling filing;
    private final UploadLimits limits;
    private final ReadingLimits readingLimits;
    private final Clock clock;

    public LabReportProcessing(LoadReport loadReport, SaveReport saveReport, ReportObjects objects,
                               ExtractText extractText, ResultsFiling filing, UploadLimits limits,
                               ReadingLimits readingLimits, Clock clock) {
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.objects = objects;
        this.extractText = extractText;
        this.filing = filing;
        this.limits = limits;
        this.readingLimits = readingLimits;
        this.clock = clock;
    }

    @Override
    public Optional<LabReport> process(String reportId) {
        Optional<LabReport> found = loadReport.load(reportId);
        if (found.isEmpty() || found.get().status().processingEnded()) {
            return found;
        }
        LabReport report = found.get();
        OptionalLong size = objects.sizeOf(report.objectKey());
        if (size.isEmpty()) {
            return found;
        }
        LabReport processing = report.uploaded(clock.instant()).processing();
        if (!saveReport.update(processing, report.version())) {
            return loadReport.load(reportId);
        }
        Optional<Rejection> wrongSize = limits.checkStoredSize(report.declaredSize(), size.getAsLong());
        if (wrongSize.isPresent()) {
            return Optional.of(reject(processing, wrongSize.get()));
        }
        ExtractText.Extraction extraction = extractText.extract(objects.read(report.objectKey()),
                readingLimits.maxPages(), readingLimits.timeBudget());
        return Optional.of(switch (extraction) {
            case ExtractText.Unusable unusable -> reject(processing, unusable.rejection());
            case ExtractText.Text text -> attach(processing, text.report());
        });
    }

    private LabReport attach(LabReport processing, PrintedReport printed) {
        LabReportText.Reading reading = LabReportText.read(printed);
        if (reading.values().isEmpty() && reading.findings().isEmpty()) {
            return reject(processing, new Rejection(RejectionReason.NO_RESULTS_FOUND,
                    "No lab values were recognised in the report; expected a results table or lines such as "
                            + "\"Hemoglobin: 13.2 g/dL (12.0-15.5)\"."));
        }
        Instant observedAt = reading.collectedOn().map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(processing.uploadedAt().orElse(clock.instant()));
        return filing.file(processing, reading.values(), reading.findings(), reading.identity(), observedAt,
                printed.text());
    }

    private LabReport reject(LabReport processing, Rejection rejection) {
        LabReport rejected = finish(processing, processing.rejected(rejection, clock.instant()));
        if (rejected.status() == LabReportStatus.REJECTED) {
            objects.quarantine(processing.objectKey(), processing.quarantineKey());
        }
        return rejected;
    }

    private LabReport finish(LabReport processing, LabReport.Change change) {
        return filing.finish(processing, change);
    }
}
