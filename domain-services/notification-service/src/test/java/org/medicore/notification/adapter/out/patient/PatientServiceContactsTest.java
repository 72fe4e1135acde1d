package org.medicore.notification.adapter.out.patient;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.PatientContact;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against an in-process PatientService that answers as patient-service's contract says. */
class PatientServiceContactsTest {

    private static final UUID WITH_CONTACT = UUID.randomUUID();
    private static final UUID WITHOUT_PHONE = UUID.randomUUID();
    private static final UUID UNAVAILABLE = UUID.randomUUID();
    private static final UUID GERMAN_SPEAKING = UUID.randomUUID();
    private static final UUID FRENCH_SPEAKING = UUID.randomUUID();

    private Server server;
    private ManagedChannel channel;
    private PatientServiceContacts contacts;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new PatientServiceGrpc.PatientServiceImplBase() {
            @Override
            public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> response) {
                UUID id = UUID.fromString(request.getPatientId());
                if (id.equals(UNAVAILABLE)) {
                    response.onError(Status.UNAVAILABLE.asRuntimeException());
                } else if (id.equals(GERMAN_SPEAKING) || id.equals(FRENCH_SPEAKING)) {
                    response.onNext(GetPatientResponse.newBuilder().setPatient(Patient.newBuilder().setId(id.toString())
                            .setContact(ContactDetails.newBuilder().setEmail("jonas.weber@example.org"))
                            .setPreferredLanguage(id.equals(GERMAN_SPEAKING) ? "de" : "fr")).build());
                    response.onCompleted();
                } else if (id.equals(WITH_CONTACT) || id.equals(WITHOUT_PHONE)) {
                    ContactDetails.Builder contact = ContactDetails.newBuilder().setEmail("anna.schmidt@example.org");
                    if (id.equals(WITH_CONTACT)) {
                        contact.setPhone("+4930123456");
                    }
                    response.onNext(GetPatientResponse.newBuilder().setPatient(Patient.newBuilder().setId(id.toString())
                            .setName(PersonName.newBuilder().setGiven("Anna").setFamily("Schmidt"))
                            .setContact(contact)).build());
                    response.onCompleted();
                } else {
                    response.onError(Status.NOT_FOUND.withDescription("no patient " + id).asRuntimeException());
                }
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        contacts = new PatientServiceContacts(PatientServiceGrpc.newBlockingStub(channel), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void keeps_the_e_mail_address_phone_and_language_of_the_record_and_nothing_else() {
        assertThat(contacts.contactOf(WITH_CONTACT))
                .contains(new PatientContact(Optional.of("anna.schmidt@example.org"), Optional.of("+4930123456"), Optional.empty()));
    }

    @Test
    void a_phone_the_record_lacks_is_absent_not_empty() {
        assertThat(contacts.contactOf(WITHOUT_PHONE))
                .contains(new PatientContact(Optional.of("anna.schmidt@example.org"), Optional.empty(), Optional.empty()));
    }

    @Test
    void takes_the_preferred_language_when_messages_are_written_in_it_and_none_otherwise() {
        assertThat(contacts.contactOf(GERMAN_SPEAKING)).get().extracting(PatientContact::language)
                .isEqualTo(Optional.of(Language.GERMAN));
        assertThat(contacts.contactOf(FRENCH_SPEAKING)).get().extracting(PatientContact::language)
                .isEqualTo(Optional.empty());
    }

    @Test
    void a_patient_the_service_does_not_know_has_no_contact() {
        assertThat(contacts.contactOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void an_unavailable_service_fails_the_lookup_so_the_event_is_tried_again() {
        assertThatThrownBy(() -> contacts.contactOf(UNAVAILABLE)).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("UNAVAILABLE");
    }
}
