package org.medicore.notification.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.notification.application.port.in.ListSentMessages;
import org.medicore.support.grpc.GrpcErrors;

import java.util.UUID;

/** The NotificationService rpcs: read the request, call one use case, answer or translate the refusal. */
final class NotificationGrpcEndpoint extends NotificationServiceGrpc.NotificationServiceImplBase {

    private final ListSentMessages sentMessages;

    NotificationGrpcEndpoint(ListSentMessages sentMessages) {
        this.sentMessages = sentMessages;
    }

    @Override
    public void listNotifications(ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> response) {
        RequestReader read = new RequestReader();
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
                        .addAllNotifications(page.messages().stream().map(NotificationProtoMapper::notification).toList())
                        .setPageInfo(PageInfo.newBuilder().setTotalSize(page.total())
                                .setNextPageToken(last ? "" : RequestReader.pageToken(offset + page.messages().size())))
                        .build());
                response.onCompleted();
            }
            case ListSentMessages.Listing.Denied denied ->
                    response.onError(GrpcErrors.permissionDenied("not allowed for this caller"));
        }
    }
}
