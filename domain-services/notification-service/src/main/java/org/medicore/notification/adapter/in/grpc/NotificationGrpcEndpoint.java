package org.medicore.notification.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.GetMessagePreferencesResponse;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesResponse;
import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.QuietHours;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.paging.PageTokens;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The NotificationService rpcs: read the request, call one use case, answer or translate the refusal. */
final class NotificationGrpcEndpoint extends NotificationServiceGrpc.NotificationServiceImplBase {

    private static final String DOMAIN = "notification.medicore.org";
    private static final Set<String> CHANGEABLE = Set.of("channels", "consented_channels", "quiet_hours");

    private final ListSentMessages sentMessages;
    private final ManageMessagePreferences preferences;

    NotificationGrpcEndpoint(ListSentMessages sentMessages, ManageMessagePreferences preferences) {
        this.sentMessages = sentMessages;
        this.preferences = preferences;
    }

    @Override
    public void getMessagePreferences(GetMessagePreferencesRequest request,
                                      StreamObserver<GetMessagePreferencesResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID patientId = read.uuid(request.getPatientId(), "patient_id");
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        answer(preferences.read(Callers.current(), patientId), response, found -> response.onNext(
                GetMessagePreferencesResponse.newBuilder().setPreferences(NotificationProtoMapper.PROTOS.preferences(found)).build()));
    }

    @Override
    public void updateMessagePreferences(UpdateMessagePreferencesRequest request,
                                         StreamObserver<UpdateMessagePreferencesResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID patientId = read.uuid(request.getPatientId(), "patient_id");
        Set<String> mask = read.mask(request.getUpdateMask().getPathsList(), CHANGEABLE);
        Optional<Set<Channel>> channels = mask.contains("channels")
                ? Optional.of(read.channels(request.getChannelsList(), "channels")) : Optional.empty();
        Optional<Set<Channel>> consented = mask.contains("consented_channels")
                ? Optional.of(read.channels(request.getConsentedChannelsList(), "consented_channels"))
                : Optional.empty();
        Optional<QuietHours> quietHours = mask.contains("quiet_hours")
                ? Optional.ofNullable(read.quietHours(request.getQuietHours())) : Optional.empty();
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        answer(preferences.change(Callers.current(),
                        new ManageMessagePreferences.Change(patientId, channels, consented, quietHours)), response,
                changed -> response.onNext(UpdateMessagePreferencesResponse.newBuilder()
                        .setPreferences(NotificationProtoMapper.PROTOS.preferences(changed)).build()));
    }

    @Override
    public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> response) {
        RequestReader read = new RequestReader(request);
        UUID patientId = read.uuid(request.getPatientId(), "patient_id");
        int limit = read.pageSize(request.getPage().getPageSize());
        int offset = read.pageOffset(request.getPage().getPageToken());
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        answer(sentMessages.list(Callers.current(), new ListSentMessages.Query(patientId, offset, limit)), response, page -> {
            boolean last = offset + page.messages().size() >= page.total();
            response.onNext(ListNotificationsResponse.newBuilder()
                    .addAllNotifications(page.messages().stream().map(NotificationProtoMapper.PROTOS::notification).toList())
                    .setPageInfo(PageInfo.newBuilder().setTotalSize(page.total())
                            .setNextPageToken(last ? "" : PageTokens.ofOffset(offset + page.messages().size())))
                    .build());
        });
    }

    /** Sends what the use case answered and completes the call, or answers its refusal as the shared status. */
    private static <T> void answer(Outcome<T> outcome, StreamObserver<?> response, Consumer<T> send) {
        switch (outcome) {
            case Outcome.Done<T> done -> {
                send.accept(done.value());
                response.onCompleted();
            }
            case Outcome.Refused<T> refused -> response.onError(GrpcErrors.refused(refused.refusal(), DOMAIN));
        }
    }
}
