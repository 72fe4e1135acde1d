package org.medicore.analytics.adapter.in.kafka;

import org.junit.jupiter.api.Test;
import org.medicore.analytics.domain.BookedAppointment;
import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.ClinicActivity;
import org.medicore.analytics.domain.Money;
import org.medicore.analytics.domain.Outcomes;
import org.medicore.analytics.domain.TimeSlot;
import org.medicore.analytics.domain.WindowCounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class StateSerdeTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void should_keep_window_counts_through_the_changelog() {
        WindowCounts counts = new WindowCounts(1, 2, 1, 3, 4, 5, new Money(12_000, "EUR"), new Money(-3, "EUR"));

        assertThat(roundTrip(counts, WindowCounts.class)).isEqualTo(counts);
    }

    @Test
    void should_keep_a_clinics_activity_through_the_changelog() {
        ClinicActivity activity = new ClinicActivity(new TreeMap<>(Map.of(NINE, 3L, NINE.plusSeconds(60), 1L)),
                new TreeMap<>(Map.of(NINE, new Outcomes(4, 1))));

        assertThat(roundTrip(activity, ClinicActivity.class)).isEqualTo(activity);
    }

    @Test
    void should_keep_a_booked_day_through_the_changelog() {
        BookedDay day = BookedDay.empty(LocalDate.of(2026, 3, 2))
                .with("a1", new BookedAppointment("dr-novak", "Cardiology", new TimeSlot(NINE, NINE.plusSeconds(1800))));

        assertThat(roundTrip(day, BookedDay.class)).isEqualTo(day);
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        StateSerde<T> serde = new StateSerde<>(type);
        return serde.deserialize("changelog", serde.serialize("changelog", value));
    }
}
