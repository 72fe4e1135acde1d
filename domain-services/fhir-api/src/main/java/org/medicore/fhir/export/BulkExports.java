package org.medicore.fhir.export;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.fhir.resource.FhirJson;
import org.medicore.fhir.records.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * FHIR Bulk Data exports: a kick-off starts one in the background, with the caller's token relayed
 * to the services for every read (so they decide and audit as for any read); its files are NDJSON,
 * one per resource type, kept by {@link ExportFiles} and handed out as URLs that need no token.
 * A patient the caller may not have is not a failure of the export: its refusal is an
 * OperationOutcome in the error file, as the Bulk Data IG asks. Only the subject who started an
 * export sees or cancels it. Exports are kept in this process's memory until their URLs expire,
 * so a restart forgets them (their clients kick off again).
 */
public final class BulkExports {

    private static final Logger log = LoggerFactory.getLogger(BulkExports.class);
    private static final String ERRORS = "OperationOutcome";

    private final WholeRecord records;
    private final ExportFiles files;
    private final Executor runner;
    private final Clock clock;
    private final Duration filesValidFor;
    private final Map<String, Export> exports = new ConcurrentHashMap<>();

    public BulkExports(WholeRecord records, ExportFiles files, Executor runner, Clock clock, Duration filesValidFor) {
        this.records = records;
        this.files = files;
        this.runner = runner;
        this.clock = clock;
        this.filesValidFor = filesValidFor;
    }

    /** Starts an export for the caller; answers its id, under which its status is polled. */
    public String start(Caller caller, ExportRequest request) {
        forgetExpired();
        Export export = new Export(UUID.randomUUID().toString(), caller.subject(), request,
                new ExportStatus.Running(request.scope() == ExportRequest.Scope.SYSTEM ? "queued"
                        : "0 of " + request.patientIds().size() + " patients"));
        exports.put(export.id, export);
        runner.execute(() -> run(caller, export));
        return export.id;
    }

    /** The export's status, for the subject who started it; empty for anyone else, or once cancelled or expired. */
    public Optional<ExportStatus> status(String subject, String exportId) {
        forgetExpired();
        return Optional.ofNullable(exports.get(exportId)).filter(export -> export.subject.equals(subject)).map(Export::status);
    }

    /** Cancels a running export or removes a finished one's files; false when the subject has no such export. */
    public boolean cancel(String subject, String exportId) {
        Export export = exports.get(exportId);
        if (export == null || !export.subject.equals(subject)) {
            return false;
        }
        export.cancelled = true;
        exports.remove(exportId);
        if (!(export.status instanceof ExportStatus.Running)) {
            files.deleteAll(exportId);
        }
        return true;
    }

    private void run(Caller caller, Export export) {
        Instant transactionTime = clock.instant();
        try {
            Map<String, Resource> found = new LinkedHashMap<>();
            List<Resource> refusals = new ArrayList<>();
            if (export.request.scope() == ExportRequest.Scope.SYSTEM) {
                records.practitioners(caller).forEach(resource -> found.putIfAbsent(key(resource), resource));
            } else {
                List<String> patients = export.request.patientIds();
                for (int done = 0; done < patients.size() && !export.cancelled; done++) {
                    read(caller, export.request, patients.get(done), found, refusals);
                    export.status = new ExportStatus.Running((done + 1) + " of " + patients.size() + " patients");
                }
            }
            if (export.cancelled) {
                return;
            }
            List<ExportStatus.File> output = new ArrayList<>();
            byType(export.request, found.values()).forEach((type, resources) -> output.add(file(export, type, resources)));
            List<ExportStatus.File> errors = refusals.isEmpty() ? List.of() : List.of(file(export, ERRORS, refusals));
            export.status = new ExportStatus.Completed(transactionTime, export.request.requestUrl(), output, errors,
                    clock.instant().plus(filesValidFor));
        } catch (RuntimeException failure) {
            log.error("bulk export {} failed", export.id, failure);
            export.status = new ExportStatus.Failed("the export's files could not be written", clock.instant().plus(filesValidFor));
        }
        if (export.cancelled) {
            files.deleteAll(export.id);
        }
    }

    /** What the record leaves out is said in the errors file, when it is of a type the export asked for. */
    private void read(Caller caller, ExportRequest request, String patientId, Map<String, Resource> found, List<Resource> refusals) {
        try {
            PatientRecord record = records.of(caller, patientId);
            record.resources().forEach(resource -> found.putIfAbsent(key(resource), resource));
            record.leftOut().stream().filter(part -> part.concernsAnyOf(request.types()))
                    .map(PatientRecord.LeftOut::note).forEach(refusals::add);
        } catch (StatusRuntimeException refused) {
            refusals.add(refusal(patientId, refused.getStatus()));
        }
    }

    /** The wanted types, each resource changed after {@code _since} or not known to be older. */
    private static Map<String, List<Resource>> byType(ExportRequest request, Iterable<Resource> resources) {
        Map<String, List<Resource>> byType = new LinkedHashMap<>();
        for (Resource resource : resources) {
            Instant changed = resource.getMeta().hasLastUpdated() ? resource.getMeta().getLastUpdated().toInstant() : null;
            boolean recent = request.since().map(since -> changed == null || changed.isAfter(since)).orElse(true);
            if (request.types().contains(resource.fhirType()) && recent) {
                byType.computeIfAbsent(resource.fhirType(), type -> new ArrayList<>()).add(resource);
            }
        }
        return byType;
    }

    private ExportStatus.File file(Export export, String type, List<Resource> resources) {
        StringBuilder lines = new StringBuilder();
        resources.forEach(resource -> lines.append(FhirJson.encode(resource)).append('\n'));
        String key = files.write(export.id, type + ".ndjson", lines.toString().getBytes(StandardCharsets.UTF_8));
        return new ExportStatus.File(type, files.downloadUrl(key, filesValidFor).toString(), resources.size());
    }

    private static OperationOutcome refusal(String patientId, Status status) {
        OperationOutcome.IssueType code = switch (status.getCode()) {
            case NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
            case PERMISSION_DENIED -> OperationOutcome.IssueType.FORBIDDEN;
            case UNAUTHENTICATED -> OperationOutcome.IssueType.LOGIN;
            case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> OperationOutcome.IssueType.TRANSIENT;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
                .setDiagnostics("Patient/" + patientId + " was not exported: " + status.getCode());
        return outcome;
    }

    private static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdPart();
    }

    /** Exports whose URLs have expired (or that failed as long ago) are of no use to anyone: they and their files go. */
    private void forgetExpired() {
        Instant now = clock.instant();
        exports.values().stream()
                .filter(export -> switch (export.status) {
                    case ExportStatus.Completed done -> now.isAfter(done.expires());
                    case ExportStatus.Failed failed -> now.isAfter(failed.expires());
                    case ExportStatus.Running running -> false;
                })
                .toList()
                .forEach(export -> {
                    exports.remove(export.id);
                    files.deleteAll(export.id);
                });
    }

    /** One export; its status is replaced (never changed in place) by the thread that runs it. */
    private static final class Export {
        private final String id;
        private final String subject;
        private final ExportRequest request;
        private volatile ExportStatus status;
        private volatile boolean cancelled;

        private Export(String id, String subject, ExportRequest request, ExportStatus status) {
            this.id = id;
            this.subject = subject;
            this.request = request;
            this.status = status;
        }

        private ExportStatus status() {
            return status;
        }
    }
}
