package org.medicore.patient.adapter.out.kafka;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.medicore.localstack.Topics;
import org.medicore.localstack.pact.EventInteractions;
import org.medicore.localstack.pact.RelayedEvents;
import org.medicore.localstack.pact.VerifiesPacts;
import org.medicore.patient.RealComponentsTest;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.support.outbox.EventByEventRelay;
import org.medicore.support.port.Outcome;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Role;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;
import java.util.UUID;

import static org.medicore.patient.PatientFixtures.aPatient;

/**
 * The events patient-service's consumers rely on, verified against what its outbox relay really
 * writes: the state registers a patient through the use case, the relay publishes the outbox to
 * the real Kafka, and the record found there is what Pact compares.
 */
@Provider("patient-service")
@PactFilter(value = "events", filter = EventInteractions.class)
@PactFolder("${medicore.pacts}")
class EventPactVerificationTest extends RealComponentsTest implements VerifiesPacts {

    @Autowired
    private RegisterPatient registration;
    @Autowired
    private EventByEventRelay<PatientEvent> relay;
    private String patientId;

    @State("a patient with a portal account registers at a clinic")
    void aPatientRegisters() {
        var result = registration.register(new Caller("pact-clinic", Set.of(Role.ADMIN)),
                aPatient().ownedBy(UUID.randomUUID().toString()).registration());
        patientId = ((Outcome.Done<Patient>) result).value().id().value();
    }

    @PactVerifyProvider("PatientRegistered")
    MessageAndMetadata patientRegistered() {
        relay.relayPending();
        return RelayedEvents.read(Topics.PATIENTS, patientId, "medicore.events.v1.PatientRegistered");
    }
}
