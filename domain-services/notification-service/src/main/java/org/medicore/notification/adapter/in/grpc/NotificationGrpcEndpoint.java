package org.medicore.notification.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.GetMessagePreferencesResponse;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.MessagePreferences;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.UpdateMessagePreferencesResponse;
import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.notification.application.port.in.ManageMessagePreferences;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.QuietHours;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.paging.PageTokens;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The NotificationService rpcs: read the request, call one use case, answer or translate the refusal. */
final class NotificationGrpcEndpoint extends NotificationServiceGrpc.NotificationServiceImplBase {

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
        answer(preferences.read(Callers.current(), patientId), response, found ->
                response.onNext(GetMessagePreferencesResponse.newBuilder().setPreferences(found).build()));
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
                changed -> response.onNext(UpdateMessagePreferencesResponse.newBuilder().setPreferences(changed).build()));
    }

    private static void answer(ManageMessagePreferences.Outcome outcome, StreamObserver<?> response,
                               Consumer<MessagePreferences> send) {
        switch (outcome) {
            case ManageMessagePreferences.Outcome.Preferences found -> {
                send.accept(NotificationProtoMapper.PROTOS.preferences(found.recipient()));
                response.onCompleted();
            }
            case ManageMessagePreferences.Outcome.Denied denied ->
                    response.onError(GrpcErrors.permissionDenied("not allowed for this caller"));
        }
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
        switch (sentMessages.list(Callers.current(), new ListSentMessages.Query(patientId, offset, limit))) {
            case ListSentMessages.Listing.Listed listed -> {
                ListSentMessages.Page page = listed.page();
                boolean last = offset + page.messages().size() >= page.total();
                response.onNext(ListNotificationsResponse.newBuilder()
                        .addAllNotifications(page.messages().stream().map(NotificationProtoMapper.PROTOS::notification).toList())
                        .setPageInfo(PageInfo.newBuilder().setTotalSize(page.total())
                                .setNextPageToken(last ? "" : PageTokens.ofOffset(offset + page.messages().size())))
                        .build());
                response.onCompleted();
            }
            case ListSentMessages.Listing.Denied denied ->
                    response.onError(GrpcErrors.permissionDenied("not allowed for this caller"));
        }
    }
}
