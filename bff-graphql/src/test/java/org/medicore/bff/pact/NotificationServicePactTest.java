package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.ChannelConsent;
import org.medicore.contracts.notification.v1.ConsentState;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.GetMessagePreferencesResponse;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationKind;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationStatus;
import org.medicore.contracts.notification.v1.QuietHours;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesResponse;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.GrpcPacts;
import org.medicore.localstack.pact.StateValue;

import java.util.List;

import static org.medicore.localstack.pact.GrpcInteraction.call;

/** What the BFF asks of notification-service, and what it reads from the answers. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = NotificationServicePactTest.PROVIDER, providerType = ProviderType.SYNCH_MESSAGE)
class NotificationServicePactTest {

    static final String PROVIDER = "notification-service";

    private static final StateValue PATIENT_ID = new StateValue("patientId", "5c8e2a1f-7d3b-4f9a-b6e4-1a9c3e5d7f20");
    private static final StateValue CONSENTING = new StateValue("patientId", "9b2d4f6a-1c3e-4a5b-8d7f-2e4c6a8b0d13");
    private static final StateValue UNDECIDED = new StateValue("patientId", "3f5a7c9e-2b4d-4f6a-9c8e-1d3b5f7a9c24");
    private static final Timestamp BOOKED_AT = Timestamp.newBuilder().setSeconds(1_780_000_000).build();

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact notificationService(SynchronousMessagePactBuilder builder) {
        return GrpcPacts.pact(BffPacts.CONSUMER, PROVIDER,
                call(NotificationServiceGrpc.getListNotificationsMethod())
                        .given("a booking confirmation sent to the patient", PATIENT_ID).by("DOCTOR")
                        .sending(ListNotificationsRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListNotificationsResponse.newBuilder().addNotifications(Notification.newBuilder()
                                        .setId("0e4b7d2a-9c1f-4a6e-8b3d-5f2a7c9e1b42").setPatientId(PATIENT_ID.example())
                                        .setKind(NotificationKind.BOOKING_CONFIRMED).setChannel(NotificationChannel.EMAIL)
                                        .setRecipient("p***@example.org").setStatus(NotificationStatus.SENT)
                                        .setCreatedAt(BOOKED_AT).setDueAt(BOOKED_AT).setSentAt(BOOKED_AT).setAttempts(1)
                                        .setAppointmentId("a3f9c1e7-2b5d-4c8a-9e6f-7d1b3a5c9e64"))
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(NotificationServiceGrpc.getGetMessagePreferencesMethod())
                        .given("a patient who agreed to e-mail", CONSENTING).by("PATIENT")
                        .sending(GetMessagePreferencesRequest.newBuilder().setPatientId(CONSENTING.example()).build())
                        .receiving(GetMessagePreferencesResponse.newBuilder().setPreferences(preferences(CONSENTING))
                                .build()),
                call(NotificationServiceGrpc.getUpdateMessagePreferencesMethod())
                        .given("a patient who never chose how to be told", UNDECIDED).by("PATIENT")
                        .sending(UpdateMessagePreferencesRequest.newBuilder().setPatientId(UNDECIDED.example())
                                .setUpdateMask(FieldMask.newBuilder().addPaths("channels")
                                        .addPaths("consented_channels").addPaths("quiet_hours"))
                                .addChannels(NotificationChannel.EMAIL).addChannels(NotificationChannel.SMS)
                                .addConsentedChannels(NotificationChannel.EMAIL)
                                .addConsentedChannels(NotificationChannel.SMS)
                                .setQuietHours(QuietHours.newBuilder().setStart("22:00").setEnd("07:00")).build())
                        .receiving(UpdateMessagePreferencesResponse.newBuilder().setPreferences(preferences(UNDECIDED))
                                .build()));
    }

    /**
     * What the BFF reads of preferences. One consent's fields are those every entry has: an entry
     * never given has no time and no source.
     */
    private static MessagePreferences preferences(StateValue patient) {
        return MessagePreferences.newBuilder().setPatientId(patient.example())
                .addChannels(NotificationChannel.EMAIL)
                .addConsents(ChannelConsent.newBuilder().setChannel(NotificationChannel.EMAIL)
                        .setState(ConsentState.CONSENT_GIVEN))
                .setQuietHours(QuietHours.newBuilder().setStart("21:00").setEnd("08:00"))
                .setTimeZone("Europe/Berlin").build();
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, NotificationServiceGrpc.getServiceDescriptor());
    }
}
