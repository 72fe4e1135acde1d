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
import org.medicore.localstack.pact.ClinicEventExamples;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.EventPacts;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient event that opens a billing account, read by billing's own reader. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "patient-service", providerType = ProviderType.ASYNCH)
class PatientEventsPactTest {

    @Pact(consumer = "billing-service")
    V4Pact registrations(MessagePactBuilder builder) {
        return EventPacts.pact("billing-service", "patient-service", ClinicEventExamples.patientRegistered());
    }

    @Test
    void a_registration_opens_the_patients_account(List<Interaction> events) {
        assertThat(events).singleElement().satisfies(event ->
                assertThat(new EventReader().read(EventPacts.record(event))).isInstanceOf(EventReader.Incoming.OpenAccount.class));
    }
}
