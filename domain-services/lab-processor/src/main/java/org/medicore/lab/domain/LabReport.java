package org.medicore.lab.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded PDF lab report and how far its processing got. Changes return a new report;
 * the final ones (processed, rejected) and holding it for review also return the event to
 * publish. {@code held} is set only in NEEDS_REVIEW; {@code review} once a clinician decided on
 * a held report. {@code version} counts the changes so concurrent processors (and reviewers)
 * cannot both move a report.
 */
public record LabReport(String id, String patientId, String fileName, long declaredSize, Uploader uploadedBy,
                        LabReportStatus status, Optional<Rejection> rejection, int resultCount, int abnormalCount,
                        Instant createdAt, Optional<Instant> uploadedAt, Optional<Instant> processedAt,
                        Optional<HeldForReview> held, Optional<Review> review, long version) {

    public static LabReport awaitingUpload(String patientId, String fileName, long declaredSize,
                                           Uploader uploadedBy, Instant now) {
        return new LabReport(UUID.randomUUID().toString(), patientId, fileName, declaredSize, uploadedBy,
                LabReportStatus.AWAITING_UPLOAD, Optional.empty(), 0, 0, now, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0);
    }

    /**
     * A lab's result message, read as it arrives: no upload step, so it starts PROCESSING. Its id
     * is given (derived from the sender and the message's control id, so a message sent again is
     * the same report).
     */
    public static LabReport received(String id, String patientId, String name, long size, Uploader sender, Instant now) {
        return new LabReport(id, patientId, name, size, sender, LabReportStatus.PROCESSING, Optional.empty(), 0, 0, now,
                Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** Where the PDF is stored: under the patient, named by the report. */
    public String objectKey() {
        return "uploads/" + patientId + "/" + id + ".pdf";
    }

    /** Where a rejected PDF is moved, away from the uploads. */
    public String quarantineKey() {
        return "quarantine/" + patientId + "/" + id + ".pdf";
    }

    /**
     * Where a result message a lab dropped as a file is kept once it became this report: under the patient it
     * names, so the patient's erasure finds it (the message prints their name and birth date).
     */
    public String receivedMessageKey() {
        return receivedMessageKey(patientId);
    }

    private String receivedMessageKey(String patient) {
        return "hl7-received/" + patient + "/" + id + ".hl7";
    }

    /**
     * Every key this report's file may be stored under: its upload, its quarantine, the result message it was
     * received as and, for a report reassigned in review before reassigning moved the file, the upload key and the
     * received message's key under the first patient.
     */
    public List<String> storedObjectKeys() {
        List<String> keys = new ArrayList<>(List.of(objectKey(), quarantineKey(), receivedMessageKey()));
        review.flatMap(Review::reassignedFrom).filter(first -> !first.equals(patientId)).ifPresent(first -> {
            keys.add("uploads/" + first + "/" + id + ".pdf");
            keys.add(receivedMessageKey(first));
        });
        return List.copyOf(keys);
    }

    /** The report id named by an object key of {@link #objectKey()}'s shape. */
    public static Optional<String> idFromObjectKey(String key) {
        String[] parts = key.split("/");
        if (parts.length != 3 || !parts[0].equals("uploads") || !parts[2].endsWith(".pdf")) {
            return Optional.empty();
        }
        return Optional.of(parts[2].substring(0, parts[2].length() - ".pdf".length()));
    }

    public LabReport uploaded(Instant now) {
        if (status != LabReportStatus.AWAITING_UPLOAD) {
            return this;
        }
        return with(LabReportStatus.UPLOADED, rejection, resultCount, abnormalCount, Optional.of(now), processedAt);
    }

    public LabReport processing() {
        return with(LabReportStatus.PROCESSING, rejection, resultCount, abnormalCount, uploadedAt, processedAt);
    }

    public Change processed(List<LabValue> values, List<String> resultIds, Instant now) {
        int abnormal = (int) values.stream().filter(LabValue::isAbnormal).count();
        int critical = (int) values.stream().filter(LabValue::isCritical).count();
        LabReport done = with(LabReportStatus.PROCESSED, Optional.empty(), values.size(), abnormal, uploadedAt,
                Optional.of(now));
        return new Change(done, new LabReportEvent.Processed(UUID.randomUUID(), now, id, patientId, values.size(),
                abnormal, critical, resultIds));
    }

    /**
     * Read, but held for a clinician: nothing was attached. The counts are those of the values
     * read, so a reviewer sees at a glance how much the report holds.
     */
    public Change heldForReview(HeldForReview hold, Instant now) {
        List<LabValue> values = hold.valuesRead();
        int abnormal = (int) values.stream().filter(LabValue::isAbnormal).count();
        LabReport done = new LabReport(id, patientId, fileName, declaredSize, uploadedBy, LabReportStatus.NEEDS_REVIEW,
                Optional.empty(), values.size(), abnormal, createdAt, uploadedAt, Optional.of(now), Optional.of(hold),
                Optional.empty(), version + 1);
        return new Change(done, new LabReportEvent.Held(UUID.randomUUID(), now, id, patientId, hold.findings(),
                values.size(), hold.criticalCount(), uploadedBy.subject()));
    }

    public Change rejected(Rejection why, Instant now) {
        LabReport done = with(LabReportStatus.REJECTED, Optional.of(why), 0, 0, uploadedAt, Optional.of(now));
        return new Change(done, new LabReportEvent.Rejected(UUID.randomUUID(), now, id, patientId, why,
                uploadedBy.subject()));
    }

    /**
     * A clinician takes the held report in hand: only the version moves, so a second clinician
     * deciding at the same time finds it changed before anything is attached.
     */
    public LabReport claimedForReview() {
        return new LabReport(id, patientId, fileName, declaredSize, uploadedBy, status, rejection, resultCount,
                abnormalCount, createdAt, uploadedAt, processedAt, held, review, version + 1);
    }

    /**
     * A clinician's decision to attach {@code values} (as read or corrected) to {@code toPatient}
     * (this report's patient, or the one it was reassigned to): PROCESSED, with the decision.
     */
    public Change decided(Review decision, String toPatient, List<LabValue> values, List<String> resultIds, Instant now) {
        int abnormal = (int) values.stream().filter(LabValue::isAbnormal).count();
        int critical = (int) values.stream().filter(LabValue::isCritical).count();
        LabReport done = new LabReport(id, toPatient, fileName, declaredSize, uploadedBy, LabReportStatus.PROCESSED,
                Optional.empty(), values.size(), abnormal, createdAt, uploadedAt, Optional.of(now), Optional.empty(),
                Optional.of(decision), version + 1);
        return new Change(done, new LabReportEvent.Processed(UUID.randomUUID(), now, id, toPatient, values.size(),
                abnormal, critical, resultIds));
    }

    /** A clinician's rejection: REJECTED with their reason for the uploader, nothing attached. */
    public Change rejectedInReview(Review decision, Instant now) {
        Rejection why = new Rejection(RejectionReason.REJECTED_IN_REVIEW, decision.reason());
        LabReport done = new LabReport(id, patientId, fileName, declaredSize, uploadedBy, LabReportStatus.REJECTED,
                Optional.of(why), 0, 0, createdAt, uploadedAt, Optional.of(now), Optional.empty(),
                Optional.of(decision), version + 1);
        return new Change(done, new LabReportEvent.Rejected(UUID.randomUUID(), now, id, patientId, why,
                uploadedBy.subject()));
    }

    /** A final change and the event it raises; both are stored together. */
    public record Change(LabReport report, LabReportEvent event) {
    }

    private LabReport with(LabReportStatus newStatus, Optional<Rejection> newRejection, int results, int abnormal,
                           Optional<Instant> newUploadedAt, Optional<Instant> newProcessedAt) {
        return new LabReport(id, patientId, fileName, declaredSize, uploadedBy, newStatus, newRejection, results,
                abnormal, createdAt, newUploadedAt, newProcessedAt, Optional.empty(), review, version + 1);
    }
}
