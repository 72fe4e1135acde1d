package org.medicore.analytics.adapter.proto;

import com.google.protobuf.Message;
import com.google.type.Date;
import org.medicore.analytics.domain.Money;
import org.medicore.analytics.domain.PractitionerUtilisation;
import org.medicore.analytics.domain.WindowCounts;
import org.medicore.analytics.domain.WindowFigures;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.RollingFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The figures as the events analytics publishes. Event ids are derived from the content, so
 * the same figures get the same id (consumers deduplicate on it) and new figures a new one.
 */
public final class AnalyticsMessages {

    private AnalyticsMessages() {
    }

    /** One version of a window's figures, computed at {@code computedAt}. */
    public static AnalyticsWindow window(WindowFigures figures, Instant computedAt) {
        WindowCounts counts = figures.counts();
        AnalyticsWindow content = AnalyticsWindow.newBuilder()
                .setWindowKey(figures.windowKey())
                .setWindowStart(EventMessages.timestamp(figures.start()))
                .setWindowEnd(EventMessages.timestamp(figures.end()))
                .setDimension(AnalyticsDimension.valueOf(figures.key().dimension().name()))
                .setDimensionKey(figures.key().value())
                .setBookings(counts.bookings())
                .setCancellations(counts.cancellations())
                .setLateCancellations(counts.lateCancellations())
                .setCompletions(counts.completions())
                .setNoShows(counts.noShows())
                .setNewPatients(counts.newPatients())
                .setRevenueInvoiced(money(counts.revenueInvoiced()))
                .setRevenueCollected(money(counts.revenueCollected()))
                .setFinal(figures.closed())
                .build();
        return content.toBuilder()
                .setEventId(contentId(content))
                .setOccurredAt(EventMessages.timestamp(computedAt))
                .build();
    }

    public static RollingFigures rollingFigures(org.medicore.analytics.domain.RollingFigures figures) {
        RollingFigures.Builder builder = RollingFigures.newBuilder()
                .setOccurredAt(EventMessages.timestamp(figures.asOf()))
                .setClinicId(figures.clinicId())
                .setBookingsLastHour(figures.bookingsLastHour())
                .setNoShowRateLast7DaysBasisPoints(figures.noShowRateLast7DaysBasisPoints())
                .setToday(date(figures.today()));
        for (PractitionerUtilisation utilisation : figures.practitionerUtilisation()) {
            builder.addPractitionerUtilisation(RollingFigures.PractitionerUtilisation.newBuilder()
                    .setPractitionerId(utilisation.practitionerId())
                    .setDepartment(utilisation.department())
                    .setBookedMinutes(Math.toIntExact(utilisation.bookedMinutes()))
                    .setAvailableMinutes(Math.toIntExact(utilisation.availableMinutes()))
                    .setUtilisationBasisPoints(utilisation.utilisationBasisPoints()));
        }
        RollingFigures content = builder.build();
        return content.toBuilder().setEventId(contentId(content)).build();
    }

    private static String contentId(Message content) {
        return UUID.nameUUIDFromBytes(content.toByteArray()).toString();
    }

    private static org.medicore.contracts.common.v1.Money money(Money money) {
        return org.medicore.contracts.common.v1.Money.newBuilder()
                .setAmountMinor(money.amountMinor())
                .setCurrency(money.currency())
                .build();
    }

    private static Date date(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }
}
