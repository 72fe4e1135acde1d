package org.medicore.analytics.adapter.proto;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.analytics.domain.Dimension;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.Money;
import org.medicore.analytics.domain.PractitionerUtilisation;
import org.medicore.analytics.domain.RollingFigures;
import org.medicore.analytics.domain.WindowCounts;
import org.medicore.analytics.domain.WindowFigures;
import org.medicore.contracts.events.v1.AnalyticsDimension;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.support.mapping.ProtoConversions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.analytics.adapter.proto.AnalyticsProtos.PROTOS;

class AnalyticsProtosProperties {

    private static final Instant MINUTE = Instant.parse("2026-03-01T09:07:00Z");

    @Property
    void a_window_recomputed_unchanged_is_the_same_event(@ForAll("figures") WindowFigures figures,
                                                         @ForAll("instants") Instant first, @ForAll("instants") Instant later) {
        AnalyticsWindow once = PROTOS.window(figures, first);
        AnalyticsWindow again = PROTOS.window(figures, later);

        assertThat(again.getEventId()).isEqualTo(once.getEventId());
        assertThat(ProtoConversions.instant(again.getOccurredAt())).isEqualTo(later);
    }

    @Property
    void one_more_booking_is_another_event(@ForAll("figures") WindowFigures figures) {
        WindowFigures more = new WindowFigures(figures.key(), figures.start(), figures.end(),
                figures.counts().plus(new WindowCounts(1, 0, 0, 0, 0, 0, Money.NONE, Money.NONE)), figures.closed());

        assertThat(PROTOS.window(more, MINUTE).getEventId()).isNotEqualTo(PROTOS.window(figures, MINUTE).getEventId());
    }

    @Property
    void a_window_carries_its_figures(@ForAll("figures") WindowFigures figures) {
        AnalyticsWindow proto = PROTOS.window(figures, MINUTE);

        assertThat(proto.getWindowKey()).isEqualTo(figures.windowKey());
        assertThat(proto.getDimension()).isEqualTo(AnalyticsDimension.valueOf(figures.key().dimension().name()));
        assertThat(proto.getDimensionKey()).isEqualTo(figures.key().value());
        assertThat(ProtoConversions.instant(proto.getWindowStart())).isEqualTo(figures.start());
        assertThat(ProtoConversions.instant(proto.getWindowEnd())).isEqualTo(figures.end());
        assertThat(proto.getBookings()).isEqualTo(figures.counts().bookings());
        assertThat(proto.getLateCancellations()).isEqualTo(figures.counts().lateCancellations());
        assertThat(proto.getNewPatients()).isEqualTo(figures.counts().newPatients());
        assertThat(proto.getRevenueInvoiced().getAmountMinor()).isEqualTo(figures.counts().revenueInvoiced().amountMinor());
        assertThat(proto.getRevenueInvoiced().getCurrency()).isEqualTo(figures.counts().revenueInvoiced().currency());
        assertThat(proto.hasRevenueCollected()).isTrue();
        assertThat(proto.getFinal()).isEqualTo(figures.closed());
    }

    @Example
    void rolling_figures_of_another_instant_are_another_event() {
        RollingFigures figures = rolling(MINUTE, 480, 600);
        RollingFigures later = rolling(MINUTE.plusSeconds(60), 480, 600);

        assertThat(PROTOS.rollingFigures(later).getEventId()).isNotEqualTo(PROTOS.rollingFigures(figures).getEventId());
        assertThat(PROTOS.rollingFigures(rolling(MINUTE, 480, 600)).getEventId()).isEqualTo(PROTOS.rollingFigures(figures).getEventId());
    }

    @Example
    void a_practitioners_utilisation_is_in_basis_points_of_the_day() {
        var utilisation = PROTOS.rollingFigures(rolling(MINUTE, 480, 600)).getPractitionerUtilisation(0);

        assertThat(utilisation.getBookedMinutes()).isEqualTo(480);
        assertThat(utilisation.getAvailableMinutes()).isEqualTo(600);
        assertThat(utilisation.getUtilisationBasisPoints()).isEqualTo(8000);
    }

    @Example
    void minutes_beyond_an_int32_are_refused_not_cut() {
        assertThatThrownBy(() -> PROTOS.rollingFigures(rolling(MINUTE, Integer.MAX_VALUE + 1L, 600)))
                .isInstanceOf(ArithmeticException.class);
    }

    private static RollingFigures rolling(Instant asOf, long bookedMinutes, long availableMinutes) {
        return new RollingFigures("clinic-1", asOf, 3, 1250, LocalDate.of(2026, 3, 1),
                List.of(new PractitionerUtilisation("practitioner-1", "Cardiology", bookedMinutes, availableMinutes)));
    }

    @Provide
    Arbitrary<WindowFigures> figures() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, 10_000);
        Arbitrary<Money> money = Arbitraries.oneOf(Arbitraries.just(Money.NONE),
                Arbitraries.longs().map(amount -> new Money(amount, "EUR")));
        Arbitrary<WindowCounts> windowCounts = Combinators.combine(counts, counts, counts, counts, counts, counts, money, money)
                .as(WindowCounts::new);
        Arbitrary<DimensionKey> keys = Combinators.combine(Arbitraries.of(Dimension.class),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)).as(DimensionKey::new);
        return Combinators.combine(keys, instants(), windowCounts, Arbitraries.of(true, false))
                .as((key, start, counted, closed) -> new WindowFigures(key, start, start.plusSeconds(60), counted, closed));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    }
}
