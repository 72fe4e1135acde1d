package org.medicore.notification;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.localstack.pact.GrpcProviderCalls;
import org.medicore.localstack.pact.VerifiesPacts;
import org.medicore.notification.support.Correspondence;
import org.medicore.notification.support.EventStream;
import org.medicore.notification.support.PatientRecords;
import org.medicore.notification.support.RunningNotificationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The BFF's pact with notification-service, verified against the real endpoint on the real
 * PostgreSQL: the confirmation is planned from a real booking event and sent to GreenMail.
 */
@Provider("notification-service")
@Consumer("bff-graphql")
@PactFolder("${medicore.pacts}")
class BffPactVerificationTest extends RunningNotificationService implements VerifiesPacts {

    private static final String DOCTOR = "pact-doctor";
    private static final EventStream events = new EventStream();

    @LocalGrpcServerPort
    int port;
    @Autowired
    private DSLContext db;
    @Autowired
    private PatientRecords records;
    @Autowired
    private Clock clock;
    private ManagedChannel channel;
    private UUID patient;
    private GrpcProviderCalls calls;

    @BeforeEach
    void prepareCalls() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        calls = new GrpcProviderCalls(channel, NotificationServiceGrpc.getServiceDescriptor());
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @AfterAll
    static void closeStream() {
        events.close();
    }

    @State("a booking confirmation sent to the patient")
    Map<String, Object> aBookingConfirmationSent() {
        Correspondence correspondence = new Correspondence(events, records, db);
        UUID patient = correspondence.aRegisteredPatient("pact");
        // within the hour: no reminder is planned, the confirmation is the patient's only message
        correspondence.aConfirmedBooking(patient, clock.instant().plus(Duration.ofHours(1)));
        return Map.of("patientId", patient.toString());
    }

    @State("a patient who agreed to e-mail")
    Map<String, Object> aPatientWhoAgreedToEmail() {
        patient = new Correspondence(events, records, db).aRegisteredPatient("pact-consent");
        return Map.of("patientId", patient.toString());
    }

    @State("a patient who never chose how to be told")
    Map<String, Object> aPatientWhoNeverChose() {
        patient = UUID.randomUUID();
        return Map.of("patientId", patient.toString());
    }

    @PactVerifyProvider("ListNotifications")
    MessageAndMetadata listNotifications(MessageContents request) {
        return calls.answer(request, DOCTOR);
    }

    /** The patient reads and changes their own: the caller is the patient of the state. */
    @PactVerifyProvider("GetMessagePreferences")
    MessageAndMetadata getMessagePreferences(MessageContents request) {
        return calls.answer(request, patient.toString());
    }

    @PactVerifyProvider("UpdateMessagePreferences")
    MessageAndMetadata updateMessagePreferences(MessageContents request) {
        return calls.answer(request, patient.toString());
    }
}
