package org.medicore.analytics.adapter.proto;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.analytics.domain.ClinicEvent;
import org.medicore.localstack.pact.ClinicEventExamples;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.EventInteraction;
import org.medicore.localstack.pact.EventPacts;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.analytics.adapter.proto.CountedEvents.counted;

/** The appointment events analytics counts, as v2 and as written before v2, read into the domain as its topology reads them. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "appointment-service", providerType = ProviderType.ASYNCH)
class AppointmentEventsPactTest {

    @Pact(consumer = "analytics-service")
    V4Pact countedAppointments(MessagePactBuilder builder) {
        List<EventInteraction> v2 = List.of(ClinicEventExamples.appointmentBooked(), ClinicEventExamples.appointmentRescheduled(),
                ClinicEventExamples.appointmentCancelledLate(), ClinicEventExamples.appointmentCompleted(),
                ClinicEventExamples.appointmentNoShow());
        return EventPacts.pact("analytics-service", "appointment-service", Stream.concat(v2.stream(),
                v2.stream().map(ClinicEventExamples::writtenBeforeV2)).toArray(EventInteraction[]::new));
    }

    @Test
    void each_event_counts_for_its_clinic_department_and_practitioner(List<Interaction> events) throws Exception {
        for (Interaction event : events) {
            ClinicEvent counted = counted(event);
            assertThat(event.getDescription()).startsWith(counted.getClass().getSimpleName());
            assertThat(((ClinicEvent.AppointmentEvent) counted).careUnit().dimensions()).hasSize(3);
        }
    }
}
