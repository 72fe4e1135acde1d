package org.medicore.notification.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.NotificationChannel;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.domain.Caller;
import org.medicore.notification.domain.Recipient;
import org.medicore.support.grpc.InProcessEndpoint;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The refusal notification-service's use cases give on every rpc, Denied, as the caller hears it from
 * each: PERMISSION_DENIED with the reason, by the shared translation (NotFound, for an erased patient's
 * preferences, goes the same way: ErasureFlowTest). The use cases are fakes that refuse.
 */
class RefusalStatusTest {

    private static final Refusal DENIED = new Refusal.Denied("not allowed for this caller");
    private static final String PATIENT = UUID.randomUUID().toString();

    private InProcessEndpoint notifications;

    @BeforeEach
    void serve() throws IOException {
        ListSentMessages refusedListing = (caller, query) -> Outcome.refused(DENIED);
        notifications = InProcessEndpoint.serving(new NotificationGrpcEndpoint(refusedListing, new RefusedPreferences()));
    }

    @AfterEach
    void stop() {
        notifications.close();
    }

    @Test
    void a_denied_caller_hears_permission_denied_with_the_reason_from_every_rpc() {
        List<Function<NotificationServiceGrpc.NotificationServiceBlockingStub, ?>> calls = List.of(
                service -> service.getMessagePreferences(GetMessagePreferencesRequest.newBuilder().setPatientId(PATIENT).build()),
                service -> service.updateMessagePreferences(UpdateMessagePreferencesRequest.newBuilder().setPatientId(PATIENT)
                        .setUpdateMask(FieldMask.newBuilder().addPaths("channels")).addChannels(NotificationChannel.EMAIL).build()),
                service -> service.listNotifications(ListNotificationsRequest.newBuilder().setPatientId(PATIENT).build()));

        for (Function<NotificationServiceGrpc.NotificationServiceBlockingStub, ?> call : calls) {
            Status refused = catchThrowableOfType(StatusRuntimeException.class, () -> call.apply(service())).getStatus();

            assertThat(refused.getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(refused.getDescription()).isEqualTo("not allowed for this caller");
        }
    }

    private NotificationServiceGrpc.NotificationServiceBlockingStub service() {
        return NotificationServiceGrpc.newBlockingStub(notifications.as("BILLING"));
    }

    private static final class RefusedPreferences implements ManageMessagePreferences {

        @Override
        public Outcome<Recipient> read(Caller caller, UUID patientId) {
            return Outcome.refused(DENIED);
        }

        @Override
        public Outcome<Recipient> change(Caller caller, Change change) {
            return Outcome.refused(DENIED);
        }
    }
}
