package org.medicore.analytics.domain;

import org.medicore.analytics.domain.ClinicEvent.AppointmentBooked;
import org.medicore.analytics.domain.ClinicEvent.AppointmentCancelled;
import org.medicore.analytics.domain.ClinicEvent.AppointmentCompleted;
import org.medicore.analytics.domain.ClinicEvent.AppointmentNoShow;
import org.medicore.analytics.domain.ClinicEvent.AppointmentRescheduled;
import org.medicore.analytics.domain.ClinicEvent.InvoiceIssued;
import org.medicore.analytics.domain.ClinicEvent.InvoiceVoided;
import org.medicore.analytics.domain.ClinicEvent.PatientRegistered;
import org.medicore.analytics.domain.ClinicEvent.PaymentRecorded;

import java.util.Objects;

/** The counts and revenue of one window for one dimension value. */
public record WindowCounts(long bookings, long cancellations, long lateCancellations, long completions, long noShows,
                           long newPatients, Money revenueInvoiced, Money revenueCollected) {

    public static final WindowCounts NONE = new WindowCounts(0, 0, 0, 0, 0, 0, Money.NONE, Money.NONE);

    public WindowCounts {
        Objects.requireNonNull(revenueInvoiced, "revenueInvoiced");
        Objects.requireNonNull(revenueCollected, "revenueCollected");
    }

    /** What one event adds to the window it counts in; {@link #NONE} for an event no figure counts. */
    public static WindowCounts of(ClinicEvent event) {
        return switch (event) {
            case AppointmentBooked booked -> new WindowCounts(1, 0, 0, 0, 0, 0, Money.NONE, Money.NONE);
            case AppointmentCancelled cancelled -> new WindowCounts(0, 1, cancelled.late() ? 1 : 0, 0, 0, 0,
                    Money.NONE, Money.NONE);
            case AppointmentCompleted completed -> new WindowCounts(0, 0, 0, 1, 0, 0, Money.NONE, Money.NONE);
            case AppointmentNoShow noShow -> new WindowCounts(0, 0, 0, 0, 1, 0, Money.NONE, Money.NONE);
            case AppointmentRescheduled rescheduled -> NONE;
            case PatientRegistered registered -> new WindowCounts(0, 0, 0, 0, 0, 1, Money.NONE, Money.NONE);
            case InvoiceIssued issued -> new WindowCounts(0, 0, 0, 0, 0, 0, issued.total(), Money.NONE);
            case InvoiceVoided voided -> new WindowCounts(0, 0, 0, 0, 0, 0, voided.total().negated(), Money.NONE);
            case PaymentRecorded payment -> new WindowCounts(0, 0, 0, 0, 0, 0, Money.NONE, payment.amount());
        };
    }

    public WindowCounts plus(WindowCounts other) {
        return new WindowCounts(bookings + other.bookings, cancellations + other.cancellations,
                lateCancellations + other.lateCancellations, completions + other.completions, noShows + other.noShows,
                newPatients + other.newPatients, revenueInvoiced.plus(other.revenueInvoiced),
                revenueCollected.plus(other.revenueCollected));
    }
}
