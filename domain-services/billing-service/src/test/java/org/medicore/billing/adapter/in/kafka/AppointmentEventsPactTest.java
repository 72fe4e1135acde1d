package org.medicore.billing.adapter.in.kafka;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.billing.domain.ChargeReason;
import org.medicore.localstack.pact.ClinicEventExamples;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.EventPacts;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.localstack.pact.ClinicEventExamples.writtenBeforeV2;

/** The appointment events billing charges for, as v2 and as written before v2, read by billing's own reader. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "appointment-service", providerType = ProviderType.ASYNCH)
class AppointmentEventsPactTest {

    @Pact(consumer = "billing-service")
    V4Pact chargedAppointments(MessagePactBuilder builder) {
        return EventPacts.pact("billing-service", "appointment-service", ClinicEventExamples.appointmentCompleted(),
                ClinicEventExamples.appointmentNoShow(), ClinicEventExamples.appointmentCancelledLate(),
                writtenBeforeV2(ClinicEventExamples.appointmentCompleted()), writtenBeforeV2(ClinicEventExamples.appointmentNoShow()),
                writtenBeforeV2(ClinicEventExamples.appointmentCancelledLate()));
    }

    @Test
    void each_event_charges_the_patient_for_its_reason(List<Interaction> events) {
        assertThat(events).extracting(event -> charged(event).event().charge().reason()).containsExactly(
                ChargeReason.VISIT, ChargeReason.NO_SHOW, ChargeReason.LATE_CANCELLATION,
                ChargeReason.VISIT, ChargeReason.NO_SHOW, ChargeReason.LATE_CANCELLATION);
    }

    private static EventReader.Incoming.ChargeAppointment charged(Interaction event) {
        return (EventReader.Incoming.ChargeAppointment) new EventReader().read(EventPacts.record(event));
    }
}
