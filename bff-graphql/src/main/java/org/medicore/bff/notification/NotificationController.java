package org.medicore.bff.notification;

import graphql.GraphQLContext;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.Notification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * What was sent to a patient, from notification-service. Staff and the patient ask the same query:
 * notification-service decides what each may see, as the other services do for their lists.
 */
@Controller
class NotificationController {

    private final ServiceStubs services;

    NotificationController(ServiceStubs services) {
        this.services = services;
    }

    @QueryMapping
    Connection<Notification> notifications(@Argument String patientId, @Argument Integer first, @Argument String after,
                                           GraphQLContext context) {
        ListNotificationsResponse page = services.notifications(Caller.of(context))
                .listNotifications(ListNotificationsRequest.newBuilder().setPatientId(patientId)
                        .setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                                .setPageToken(after == null ? "" : after)).build());
        return Connection.of(page.getNotificationsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @SchemaMapping(typeName = "Notification", field = "recipient")
    String recipient(Notification notification) {
        return ProtoValues.orNull(notification.getRecipient());
    }

    @SchemaMapping(typeName = "Notification", field = "sentAt")
    com.google.protobuf.Timestamp sentAt(Notification notification) {
        return ProtoValues.orNull(notification.getSentAt());
    }

    @SchemaMapping(typeName = "Notification", field = "reason")
    String reason(Notification notification) {
        return ProtoValues.orNull(notification.getReason());
    }

    @SchemaMapping(typeName = "Notification", field = "appointmentId")
    String appointmentId(Notification notification) {
        return ProtoValues.orNull(notification.getAppointmentId());
    }

    @SchemaMapping(typeName = "Notification", field = "reportId")
    String reportId(Notification notification) {
        return ProtoValues.orNull(notification.getReportId());
    }

    @SchemaMapping(typeName = "Notification", field = "invoiceNumber")
    String invoiceNumber(Notification notification) {
        return ProtoValues.orNull(notification.getInvoiceNumber());
    }
}
