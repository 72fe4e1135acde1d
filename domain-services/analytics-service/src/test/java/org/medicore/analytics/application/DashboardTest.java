package org.medicore.analytics.application;

import org.junit.jupiter.api.Test;
import org.medicore.analytics.application.port.in.DashboardAnswer;
import org.medicore.analytics.application.port.out.LoadClinicActivity;
import org.medicore.analytics.application.port.out.LoadWindowFigures;
import org.medicore.analytics.application.port.out.LocateFigures;
import org.medicore.analytics.application.service.Dashboard;
import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.CareUnit;
import org.medicore.analytics.domain.ClinicActivity;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.analytics.domain.DashboardRules;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.RollingFigures;
import org.medicore.analytics.domain.TimeSlot;
import org.medicore.analytics.domain.WindowFigures;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final ClinicsHere state = new ClinicsHere();
    private final Dashboard dashboard = new Dashboard(state, state, state,
            new DashboardRules(ZoneId.of("Europe/Berlin"), 480), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void should_show_a_clinics_figures_as_of_now() {
        state.activities.put("c1", ClinicActivity.none().record(new ClinicEvent.AppointmentBooked("e1", NOW.minusSeconds(600),
                "a1", new CareUnit("c1", "Cardiology", "dr-novak"), new TimeSlot(NOW, NOW.plusSeconds(1800))), NOW));

        DashboardAnswer<RollingFigures> answer = dashboard.rollingFigures("c1");

        assertThat(answer).isInstanceOfSatisfying(DashboardAnswer.Figures.class, found ->
                assertThat(((RollingFigures) found.figures()).bookingsLastHour()).isEqualTo(1));
    }

    @Test
    void should_have_no_figures_for_a_clinic_never_seen() {
        assertThat(dashboard.rollingFigures("c2")).isInstanceOf(DashboardAnswer.NoFigures.class);
    }

    @Test
    void should_send_the_caller_to_the_instance_holding_the_clinic() {
        state.elsewhere.put("c3", URI.create("http://analytics-2:8085"));

        assertThat(dashboard.rollingFigures("c3")).isEqualTo(new DashboardAnswer.HeldElsewhere<>(URI.create("http://analytics-2:8085")));
    }

    /** The stores of one instance, holding what the test puts in them. */
    private static final class ClinicsHere implements LoadClinicActivity, LoadWindowFigures, LocateFigures {

        final Map<String, ClinicActivity> activities = new HashMap<>();
        final Map<String, URI> elsewhere = new HashMap<>();

        @Override
        public Optional<ClinicActivity> activity(String clinicId) {
            return Optional.ofNullable(activities.get(clinicId));
        }

        @Override
        public BookedDay bookedDay(String clinicId, LocalDate date) {
            return BookedDay.empty(date);
        }

        @Override
        public List<WindowFigures> windows(DimensionKey key, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Optional<URI> otherInstanceHoldingClinic(String clinicId) {
            return Optional.ofNullable(elsewhere.get(clinicId));
        }

        @Override
        public Optional<URI> otherInstanceHoldingWindows(DimensionKey key) {
            return Optional.ofNullable(elsewhere.get(key.asText()));
        }
    }
}
