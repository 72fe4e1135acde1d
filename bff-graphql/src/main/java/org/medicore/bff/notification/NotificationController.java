package org.medicore.bff.notification;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.notification.v1.GetMessagePreferencesRequest;
import org.medicore.contracts.notification.v1.ListNotificationsRequest;
import org.medicore.contracts.notification.v1.ListNotificationsResponse;
import org.medicore.contracts.notification.v1.Notification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.Map;

/**
 * What was sent to a patient, and how the patient wants to be told, from notification-service. Staff
 * and the patient ask the same queries: notification-service decides what each may see and change,
 * as the other services do.
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

    @QueryMapping
    MessagePreferenceProtos.Preferences messagePreferences(@Argument String patientId, GraphQLContext context) {
        return MessagePreferenceProtos.preferences(services.notifications(Caller.of(context)).getMessagePreferences(
                GetMessagePreferencesRequest.newBuilder().setPatientId(patientId).build()).getPreferences());
    }

    /** The input as sent, not bound to a record: which parts the caller left out is what the update mask needs. */
    @MutationMapping
    MessagePreferenceProtos.Preferences updateMessagePreferences(DataFetchingEnvironment environment,
                                                                 GraphQLContext context) {
        Map<String, Object> input = environment.getArgument("input");
        return MessagePreferenceProtos.preferences(services.notifications(Caller.of(context))
                .updateMessagePreferences(MessagePreferenceProtos.update(input)).getPreferences());
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
