package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.Notification;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationKind;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationStatus;
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
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()));
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, NotificationServiceGrpc.getServiceDescriptor());
    }
}
