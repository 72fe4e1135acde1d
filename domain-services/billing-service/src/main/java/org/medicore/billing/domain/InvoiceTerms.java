package org.medicore.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/** The clinic's calendar for invoices: the number year and the due date are days in its time zone. */
public record InvoiceTerms(ZoneId clinicZone, Period paymentTerm) {

    public InvoiceTerms {
        Objects.requireNonNull(clinicZone, "clinicZone");
        Objects.requireNonNull(paymentTerm, "paymentTerm");
    }

    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clinicZone);
    }

    public int numberYear(Instant issuedAt) {
        return day(issuedAt).getYear();
    }

    public LocalDate dueDate(Instant issuedAt) {
        return day(issuedAt).plus(paymentTerm);
    }
}
