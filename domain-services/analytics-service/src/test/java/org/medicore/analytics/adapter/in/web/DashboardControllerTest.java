package org.medicore.analytics.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.medicore.analytics.application.port.in.DashboardAnswer;
import org.medicore.analytics.application.port.in.ViewDashboard;
import org.medicore.analytics.application.port.out.FiguresUnavailable;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.RollingFigures;
import org.medicore.analytics.domain.WindowFigures;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How the read API turns the dashboard's answers into HTTP, without Kafka. */
class DashboardControllerTest {

    @Test
    void should_redirect_to_the_instance_holding_the_figures_keeping_the_query() throws Exception {
        MockMvc mvc = mvcAnswering(new DashboardAnswer.HeldElsewhere<>(URI.create("http://analytics-2:8085")));

        mvc.perform(get("/api/analytics/windows/CLINIC/c1").queryParam("lookback", "PT10M"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://analytics-2:8085/api/analytics/windows/CLINIC/c1?lookback=PT10M"));
    }

    @Test
    void should_ask_to_come_back_while_the_stores_are_restored() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new DashboardController(new ViewDashboard() {
            @Override
            public DashboardAnswer<RollingFigures> rollingFigures(String clinicId) {
                throw new FiguresUnavailable("restoring", null);
            }

            @Override
            public DashboardAnswer<List<WindowFigures>> recentWindows(DimensionKey key, Duration lookback) {
                throw new FiguresUnavailable("restoring", null);
            }
        }, Clock.systemUTC())).build();

        mvc.perform(get("/api/analytics/clinics/c1/rolling-figures"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void should_refuse_a_lookback_beyond_a_day() throws Exception {
        mvcAnswering(new DashboardAnswer.NoFigures<>())
                .perform(get("/api/analytics/windows/CLINIC/c1").queryParam("lookback", "P2D"))
                .andExpect(status().isBadRequest());
    }

    @SuppressWarnings("unchecked")
    private static MockMvc mvcAnswering(DashboardAnswer<?> answer) {
        return MockMvcBuilders.standaloneSetup(new DashboardController(new ViewDashboard() {
            @Override
            public DashboardAnswer<RollingFigures> rollingFigures(String clinicId) {
                return (DashboardAnswer<RollingFigures>) answer;
            }

            @Override
            public DashboardAnswer<List<WindowFigures>> recentWindows(DimensionKey key, Duration lookback) {
                return (DashboardAnswer<List<WindowFigures>>) answer;
            }
        }, Clock.systemUTC())).build();
    }
}
