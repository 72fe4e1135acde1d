package org.medicore.analytics.adapter.in.web;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.medicore.analytics.adapter.in.kafka.AnalyticsTopology;
import org.medicore.analytics.fixtures.AnalyticsTopicReader;
import org.medicore.analytics.fixtures.EventRecords;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.support.security.RealmRoles;
import org.medicore.contracts.events.v1.RollingFigures;
import org.medicore.localstack.TestStack;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.medicore.analytics.fixtures.AnAppointment.anAppointment;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole service against the real broker: events in, windows out, and the read API a freshly opened dashboard calls. */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardReadApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String CLINIC = "clinic-" + UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        Path stateDir = Files.createTempDirectory("analytics-streams-");
        registry.add("spring.kafka.bootstrap-servers", () -> TestStack.kafka().bootstrapServers());
        registry.add("spring.kafka.streams.application-id", () -> "analytics-read-api-" + UUID.randomUUID());
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
    }

    @Test
    void should_publish_windows_and_answer_the_dashboard_with_the_current_figures() throws Exception {
        Instant now = Instant.now();
        Instant laterToday = now.atZone(ZoneId.of("Europe/Berlin")).toLocalDate().atTime(23, 0)
                .atZone(ZoneId.of("Europe/Berlin")).toInstant();
        send(anAppointment().atClinic(CLINIC).with("dr-novak").startingAt(laterToday, Duration.ofMinutes(30)).booked(now));
        send(anAppointment().atClinic(CLINIC).with("dr-novak").startingAt(laterToday.minusSeconds(3600), Duration.ofMinutes(60)).booked(now));

        try (AnalyticsTopicReader reader = new AnalyticsTopicReader(TestStack.kafka().bootstrapServers())) {
            await().atMost(PATIENCE).until(() -> reader.events().stream()
                    .anyMatch(event -> event instanceof AnalyticsWindow window
                            && window.getWindowKey().startsWith("CLINIC/" + CLINIC + "/") && window.getBookings() == 2));
        }
        await().atMost(PATIENCE).until(() -> rollingFigures().getBookingsLastHour() == 2);

        RollingFigures figures = rollingFigures();
        assertThat(figures.getPractitionerUtilisationList()).singleElement().satisfies(utilisation -> {
            assertThat(utilisation.getPractitionerId()).isEqualTo("dr-novak");
            assertThat(utilisation.getBookedMinutes()).isEqualTo(90);
            assertThat(utilisation.getAvailableMinutes()).isEqualTo(480);
        });
        String windows = mvc.perform(get("/api/analytics/windows/CLINIC/{key}", CLINIC).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(windows).contains("\"windowKey\":\"CLINIC/" + CLINIC + "/").contains("\"bookings\":\"2\"");
    }

    @Test
    void should_answer_not_found_for_a_clinic_without_appointments_once_the_stores_are_ready() throws Exception {
        String unknown = "clinic-" + UUID.randomUUID();

        await().atMost(PATIENCE).until(() -> mvc.perform(get("/api/analytics/clinics/{id}/rolling-figures", unknown)
                .with(admin())).andReturn().getResponse().getStatus() != 503);

        mvc.perform(get("/api/analytics/clinics/{id}/rolling-figures", unknown).with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void should_keep_the_figures_for_administrators() throws Exception {
        mvc.perform(get("/api/analytics/clinics/{id}/rolling-figures", CLINIC))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/analytics/clinics/{id}/rolling-figures", CLINIC).with(withRealmRoles("DOCTOR")))
                .andExpect(status().isForbidden());
    }

    private RollingFigures rollingFigures() throws Exception {
        MvcResult result = mvc.perform(get("/api/analytics/clinics/{id}/rolling-figures", CLINIC).with(admin())).andReturn();
        if (result.getResponse().getStatus() != 200) {
            return RollingFigures.getDefaultInstance();
        }
        RollingFigures.Builder figures = RollingFigures.newBuilder();
        JsonFormat.parser().merge(result.getResponse().getContentAsString(), figures);
        return figures.build();
    }

    private static JwtRequestPostProcessor admin() {
        return withRealmRoles("ADMIN");
    }

    /** A token as Keycloak issues it, read by the service's own realm-role mapping. */
    private static JwtRequestPostProcessor withRealmRoles(String... roles) {
        return jwt().jwt(token -> token.claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(RealmRoles::authorities);
    }

    private static void send(Message event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(EventRecords.record(AnalyticsTopology.APPOINTMENTS, event));
        }
    }
}
