package org.medicore.bff.live;

import com.google.protobuf.Timestamp;
import graphql.GraphQLContext;
import org.medicore.bff.error.Forbidden;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.appointment.v1.GetPractitionerRequest;
import org.medicore.contracts.events.v1.AnalyticsWindow;
import org.medicore.contracts.events.v1.RollingFigures;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabReport;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * Subscriptions over graphql-ws, fed by {@link LiveEvents}. Who may open one is decided when it
 * opens, from the caller's token: the analytics feed is for admins, a doctor follows their own
 * schedule, and a lab report's status is for whoever lab-processor lets read the report.
 */
@Controller
class LiveController {

    private final LiveEvents events;
    private final ServiceStubs services;
    private final Dashboard dashboard;

    LiveController(LiveEvents events, ServiceStubs services, Dashboard dashboard) {
        this.events = events;
        this.services = services;
        this.dashboard = dashboard;
    }

    /** The current figures, to draw before the analytics subscription adds to them. */
    @QueryMapping
    Dashboard.Figures dashboard(GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (!caller.is("ADMIN")) {
            throw new Forbidden("the dashboard is for administrators");
        }
        return dashboard.current(caller);
    }

    @SchemaMapping(typeName = "Dashboard", field = "practitionerUtilisation")
    List<RollingFigures.PractitionerUtilisation> utilisation(Dashboard.Figures figures) {
        return figures.rolling().getPractitionerUtilisationList();
    }

    record AppointmentChange(String appointmentId, String practitionerId, String patientId, String kind,
                             Timestamp start, Timestamp end, Timestamp occurredAt) {
    }

    record LabReportStatusChange(String reportId, String status, String detail, Integer resultCount,
                                 Integer abnormalCount, Timestamp occurredAt) {
    }

    @SubscriptionMapping
    Flux<AnalyticsWindow> analytics(GraphQLContext context) {
        if (!Caller.of(context).is("ADMIN")) {
            throw new Forbidden("the analytics feed is for administrators");
        }
        return events.stream().map(LiveEvent::message).ofType(AnalyticsWindow.class);
    }

    @SubscriptionMapping
    Flux<AppointmentChange> appointmentChanged(@Argument String practitionerId, GraphQLContext context) {
        Caller caller = Caller.of(context);
        if (!caller.is("ADMIN")) {
            String account = services.appointments(caller).getPractitioner(GetPractitionerRequest.newBuilder()
                    .setPractitionerId(practitionerId).build()).getPractitioner().getKeycloakSubject();
            if (!caller.is("DOCTOR") || !caller.subject().map(account::equals).orElse(false)) {
                throw new Forbidden("a doctor follows only their own schedule");
            }
        }
        return events.stream().mapNotNull(event -> AppointmentChanges.of(event.message()).orElse(null))
                .filter(change -> practitionerId.equals(change.practitionerId()));
    }

    /** The report's current status first, then each change until it is final ({@link ReportStatusFeed}). */
    @SubscriptionMapping
    Flux<LabReportStatusChange> labReportStatus(@Argument String reportId, GraphQLContext context) {
        Flux<LabReportStatusChange> changes = events.stream()
                .mapNotNull(event -> LabReportChanges.of(event.message()).orElse(null))
                .filter(change -> reportId.equals(change.reportId()));
        return ReportStatusFeed.follow(changes, () -> {
            LabReport now = services.labs(Caller.of(context)).getReportStatus(GetReportStatusRequest.newBuilder()
                    .setReportId(reportId).build()).getReport();
            return new LabReportStatusChange(reportId, now.getStatus().name(),
                    now.getRejectionDetail().isEmpty() ? null : now.getRejectionDetail(), now.getResultCount(),
                    now.getAbnormalCount(), null);
        });
    }

    @SchemaMapping(typeName = "AnalyticsWindow", field = "dimension")
    String dimension(AnalyticsWindow window) {
        return window.getDimension().name();
    }

    @SchemaMapping(typeName = "AnalyticsWindow", field = "final")
    boolean isFinal(AnalyticsWindow window) {
        return window.getFinal();
    }
}
