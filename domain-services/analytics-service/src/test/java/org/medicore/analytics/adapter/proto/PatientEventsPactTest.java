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
import org.medicore.localstack.pact.EventPacts;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.analytics.adapter.proto.CountedEvents.counted;

/** The patient event analytics counts as a new patient of the registering clinic. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = "patient-service", providerType = ProviderType.ASYNCH)
class PatientEventsPactTest {

    @Pact(consumer = "analytics-service")
    V4Pact countedRegistrations(MessagePactBuilder builder) {
        return EventPacts.pact("analytics-service", "patient-service", ClinicEventExamples.patientRegistered());
    }

    @Test
    void a_registration_counts_for_the_registering_clinic(List<Interaction> events) throws Exception {
        assertThat(counted(events.getFirst())).isInstanceOfSatisfying(ClinicEvent.PatientRegistered.class,
                registered -> assertThat(registered.clinicId()).isNotBlank());
    }
}
