package org.medicore.lab.application.service;

import org.medicore.lab.application.port.in.ReceiveDroppedMessage;
import org.medicore.lab.application.port.in.ReceiveLabMessage;
import org.medicore.lab.application.port.out.FindPatient;
import org.medicore.lab.application.port.out.LoadReport;
import org.medicore.lab.application.port.out.ReadLabMessage;
import org.medicore.lab.application.port.out.ReportObjects;
import org.medicore.lab.application.port.out.SaveReport;
import org.medicore.lab.domain.Acknowledgement;
import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabMessage;
import org.medicore.lab.domain.LabReport;
import org.medicore.lab.domain.MessageFault;
import org.medicore.lab.domain.MessageReading;
import org.medicore.lab.domain.Rejection;
import org.medicore.lab.domain.RejectionReason;
import org.medicore.lab.domain.Role;
import org.medicore.lab.domain.Uploader;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.Uuids;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * HL7 v2 result messages in: read, the patient record found by the clinic's id in PID-3, the
 * report created (its id derived from sender and control id, so a message sent again is the
 * same report) and filed by the same rules as a PDF's values: held for review or attached. The
 * lab is answered AA once the message is taken, AE/AR when it is refused; a refused message
 * leaves nothing behind.
 */
public final class LabMessageIntake implements ReceiveLabMessage, ReceiveDroppedMessage {

    /** The assigning authority of the clinic's own patient ids in PID-3. */
    public static final String CLINIC_AUTHORITY = "MEDICORE";
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String DROP_FOLDER = "hl7/";
    private static final Caller BUCKET = new Caller("bucket:" + DROP_FOLDER, Set.of(Role.SYSTEM));

    private final ReadLabMessage messages;
    private final FindPatient findPatient;
    private final LoadReport loadReport;
    private final SaveReport saveReport;
    private final ReportObjects objects;
    private final ResultsFiling filing;
    private final Clock clock;

    public LabMessageIntake(ReadLabMessage messages, FindPatient findPatient, LoadReport loadReport,
                            SaveReport saveReport, ReportObjects objects, ResultsFiling filing, Clock clock) {
        this.messages = messages;
        this.findPatient = findPatient;
        this.loadReport = loadReport;
        this.saveReport = saveReport;
        this.objects = objects;
        this.filing = filing;
        this.clock = clock;
    }

    @Override
    public Outcome<Receipt> receive(Caller sender, byte[] message) {
        if (message.length == 0 || message.length > MAX_BYTES) {
            return Outcome.refused(Refusal.Invalid.of("text", "must be 1 byte to " + MAX_BYTES + " bytes"));
        }
        if (!sender.is(Role.DOCTOR) && !sender.is(Role.ADMIN) && !sender.is(Role.SYSTEM)) {
            return Outcome.refused(LabRefusals.NOT_FOR_THIS_CALLER);
        }
        return Outcome.done(switch (messages.read(message)) {
            case ReadLabMessage.Unreadable unreadable -> refused(message, unreadable.fault());
            case ReadLabMessage.Read read -> taken(sender, message, read.message());
        });
    }

    @Override
    public Optional<Receipt> receiveDropped(String objectKey) {
        if (!objectKey.startsWith(DROP_FOLDER) || objectKey.endsWith("/") || objects.sizeOf(objectKey).isEmpty()) {
            return Optional.empty();
        }
        String name = objectKey.substring(DROP_FOLDER.length()).replace('/', '_');
        Receipt receipt = switch (receive(BUCKET, objects.read(objectKey))) {
            case Outcome.Done<Receipt> done -> done.value();
            case Outcome.Refused<Receipt> refused -> new Receipt("", "AR", Optional.empty());
        };
        // the answer beside the message, where the lab's system picks it up; the message leaves the drop folder,
        // kept under its report where it became one, so the patient's erasure finds it
        objects.write("hl7-acks/" + name + ".ack", receipt.acknowledgement().getBytes(StandardCharsets.UTF_8),
                "x-application/hl7-v2+er7");
        objects.move(objectKey, receipt.report().map(LabReport::receivedMessageKey).orElse("hl7-received/" + name));
        return Optional.of(receipt);
    }

    private Receipt taken(Caller sender, byte[] bytes, LabMessage message) {
        Optional<String> recordId = message.recordId(CLINIC_AUTHORITY).filter(Uuids::isUuid);
        if (recordId.isEmpty()) {
            return refused(bytes, new MessageFault(MessageFault.Kind.UNKNOWN_PATIENT, "PID", 0, 3,
                    "PID-3 carries no patient id assigned by " + CLINIC_AUTHORITY));
        }
        if (!findPatient.exists(recordId.get())) {
            return refused(bytes, new MessageFault(MessageFault.Kind.UNKNOWN_PATIENT, "PID", 0, 3,
                    "no patient record " + recordId.get()));
        }
        String reportId = UUID.nameUUIDFromBytes((message.sender() + "|" + message.controlId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        LabReport received = LabReport.received(reportId, recordId.get(), message.controlId() + ".hl7", bytes.length,
                new Uploader(sender.subject(), sender.actingRole()), now);
        if (!saveReport.create(received)) {
            LabReport existing = loadReport.load(reportId).orElseThrow();
            if (existing.status().processingEnded()) {
                return accepted(bytes, existing, "sent before");
            }
            // a run that failed while filing: this copy of the message files it again
            received = existing;
        }
        MessageReading reading = MessageReading.of(message, CLINIC_AUTHORITY);
        if (reading.values().isEmpty() && reading.findings().isEmpty()) {
            return accepted(bytes, filing.finish(received, received.rejected(new Rejection(RejectionReason.NO_RESULTS_FOUND,
                    "The lab's message carries no result (every observation was marked not obtained or deleted)."), now)),
                    "");
        }
        LabReport filed = filing.file(received, reading.values(), reading.findings(), reading.identity(),
                message.collectedAt().orElse(now), new String(bytes, StandardCharsets.UTF_8).replace('\r', '\n'));
        return accepted(bytes, filed, "");
    }

    private Receipt accepted(byte[] bytes, LabReport report, String note) {
        String status = switch (report.status()) {
            case NEEDS_REVIEW -> "held for a clinician's review";
            case PROCESSED -> report.resultCount() + " results filed";
            default -> report.status().name().toLowerCase(java.util.Locale.ROOT);
        };
        String text = "report " + report.id() + ": " + status + (note.isEmpty() ? "" : " (" + note + ")");
        return new Receipt(messages.acknowledge(bytes, new Acknowledgement.Accepted(report.id(), text)), "AA",
                Optional.of(report));
    }

    private Receipt refused(byte[] bytes, MessageFault fault) {
        return new Receipt(messages.acknowledge(bytes, new Acknowledgement.Refused(fault)),
                fault.kind() == MessageFault.Kind.UNSUPPORTED ? "AR" : "AE", Optional.empty());
    }
}
