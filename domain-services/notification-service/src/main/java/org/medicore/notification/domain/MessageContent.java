package org.medicore.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** What a message says, by kind: only what the patient needs to act on, never a clinical value. */
public sealed interface MessageContent {

    /** The appointment as the patient's calendar holds it after this message. */
    record AppointmentDetails(UUID appointmentId, Instant start, Instant end, ZoneId practitionerZone, int sequence)
            implements MessageContent {

        public AppointmentDetails {
            Objects.requireNonNull(appointmentId, "appointmentId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(practitionerZone, "practitionerZone");
        }
    }

    /** A lab report has results to read in the portal; which results, and their values, stay there. */
    record ResultsReady(UUID reportId) implements MessageContent {

        public ResultsReady {
            Objects.requireNonNull(reportId, "reportId");
        }
    }

    /** An invoice to pay: its number, total and due date. */
    record InvoiceDetails(String invoiceNumber, Money total, LocalDate paymentDue) implements MessageContent {

        public InvoiceDetails {
            Objects.requireNonNull(invoiceNumber, "invoiceNumber");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(paymentDue, "paymentDue");
        }
    }
}
