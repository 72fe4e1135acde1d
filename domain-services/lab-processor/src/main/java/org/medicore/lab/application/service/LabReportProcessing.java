package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.ProcessLabReport;
import org.medicore.lab.application.port.out.AttachResults;
import org.medicore.lab.application.port.out.ExtractText;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.LabReportStatus;
import org.medicore.lab.domain.LabReportText;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.UploadLimits;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one core both triggers drive: checks the stored object, reads the whole report first and
 * only then attaches its results, so a bad report leaves nothing on the patient record. A
 * failure while attaching leaves the report PROCESSING; processing it again attaches each line
 * once (the idempotency key is report id + line).
 */
public final class LabReportProcessing implements ProcessLabReport {

    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final ReportObjects objects;
    private final ExtractText extractText;
    private final AttachResults attachResults;
    private final UploadLimits limits;
    private final Clock clock;

    public LabReportProcessing(LoadReport loadReport, SaveReport saveReport, ReportObjects objects,
                               ExtractText extractText, AttachResults attachResults, UploadLimits limits, Clock clock) {
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.objects = objects;
        this.extractText = extractText;
        this.attachResults = attachResults;
        this.limits = limits;
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
        ExtractText.Extraction extraction = extractText.extract(objects.read(report.objectKey()));
        return Optional.of(switch (extraction) {
            case ExtractText.Unusable unusable -> reject(processing, unusable.rejection());
            case ExtractText.Text text -> attach(processing, LabReportText.read(text.text()));
        });
    }

    private LabReport attach(LabReport processing, LabReportText.Reading reading) {
        if (reading.values().isEmpty()) {
            return reject(processing, new Rejection(RejectionReason.NO_RESULTS_FOUND,
                    "No lab values were recognised in the report; expected a results table or lines such as "
                            + "\"Hemoglobin: 13.2 g/dL (12.0-15.5)\"."));
        }
        Instant now = clock.instant();
        Instant observedAt = reading.collectedOn().map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(processing.uploadedAt().orElse(now));
        List<String> ids = attachResults.attach(processing.patientId(), processing.id(), reading.values(), observedAt);
        return finish(processing, processing.processed(reading.values(), ids, now));
    }

    private LabReport reject(LabReport processing, Rejection rejection) {
        LabReport rejected = finish(processing, processing.rejected(rejection, clock.instant()));
        if (rejected.status() == LabReportStatus.REJECTED) {
            objects.quarantine(processing.objectKey(), processing.quarantineKey());
        }
        return rejected;
    }

    private LabReport finish(LabReport processing, LabReport.Change change) {
        if (saveReport.complete(change, processing.version())) {
            return change.report();
        }
        return loadReport.load(processing.id()).orElse(change.report());
    }
}
