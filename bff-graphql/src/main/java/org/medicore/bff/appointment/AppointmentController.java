package org.medicore.bff.appointment;

import com.google.protobuf.Timestamp;
import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.Links;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc.AppointmentServiceBlockingStub;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.CheckInRequest;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPractitionerDayRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.MarkNoShowRequest;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.RescheduleAppointmentRequest;
import org.medicore.contracts.appointment.v1.Slot;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Practitioners, slots and appointments from appointment-service. */
@Controller
class AppointmentController {

    private static final int MAX_PER_PATIENT = 50;

    private final ServiceStubs services;

    AppointmentController(ServiceStubs services) {
        this.services = services;
    }

    @QueryMapping
    Connection<Practitioner> practitioners(@Argument String department, @Argument String specialty,
                                           @Argument Integer first, @Argument String after, GraphQLContext context) {
        ListPractitionersRequest.Builder request = ListPractitionersRequest.newBuilder()
                .setPage(page(first, after));
        if (department != null) {
            request.setDepartment(department);
        }
        if (specialty != null) {
            request.setSpecialty(specialty);
        }
        ListPractitionersResponse page = stub(context).listPractitioners(request.build());
        return Connection.of(page.getPractitionersList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    List<Slot> availableSlots(@Argument String practitionerId, @Argument LocalDate from, @Argument LocalDate to,
                              @Argument String appointmentType, GraphQLContext context) {
        return stub(context).listFreeSlots(ListFreeSlotsRequest.newBuilder().setPractitionerId(practitionerId)
                .setFromDate(ProtoValues.date(from)).setToDate(ProtoValues.date(to))
                .setAppointmentType(AppointmentType.valueOf(appointmentType)).build()).getSlotsList();
    }

    @QueryMapping
    Connection<Appointment> appointments(@Argument String patientId, @Argument String filter, @Argument Integer first,
                                         @Argument String after, GraphQLContext context) {
        ListAppointmentsByPatientResponse page = stub(context).listAppointmentsByPatient(
                ListAppointmentsByPatientRequest.newBuilder().setPatientId(patientId)
                        .setTimeFilter(AppointmentTimeFilter.valueOf(filter)).setPage(page(first, after)).build());
        return Connection.of(page.getAppointmentsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    @QueryMapping
    List<Appointment> schedule(@Argument String practitionerId, @Argument LocalDate date,
                               @Argument Boolean includeCancelled, GraphQLContext context) {
        return stub(context).listAppointmentsByPractitionerDay(ListAppointmentsByPractitionerDayRequest.newBuilder()
                .setPractitionerId(practitionerId).setDate(ProtoValues.date(date))
                .setIncludeCancelled(Boolean.TRUE.equals(includeCancelled)).build()).getAppointmentsList();
    }

    @QueryMapping
    Appointment appointment(@Argument String id, GraphQLContext context) {
        return stub(context).getAppointment(GetAppointmentRequest.newBuilder().setAppointmentId(id).build()).getAppointment();
    }

    @SchemaMapping(typeName = "Patient", field = "appointments")
    CompletableFuture<List<Appointment>> appointmentsOf(Patient patient, @Argument String filter,
                                                             @Argument Integer first,
                                                             DataLoader<PatientAppointmentsKey, List<Appointment>> patientAppointments) {
        int limit = first == null ? 5 : first;
        if (limit < 1 || limit > MAX_PER_PATIENT) {
            throw new InvalidArgument("first", "must be between 1 and " + MAX_PER_PATIENT);
        }
        return patientAppointments.load(new PatientAppointmentsKey(patient.getId(), filter, limit));
    }

    /** One BatchGetPractitioners for all appointments of a query. */
    @BatchMapping(typeName = "Appointment", field = "practitioner", maxBatchSize = 100)
    Map<Appointment, Practitioner> practitionerOf(List<Appointment> appointments, GraphQLContext context) {
        List<String> ids = appointments.stream().map(Appointment::getPractitionerId).distinct().toList();
        Map<String, Practitioner> found = stub(context).batchGetPractitioners(BatchGetPractitionersRequest.newBuilder()
                        .addAllPractitionerIds(ids).build()).getPractitionersList().stream()
                .collect(Collectors.toMap(Practitioner::getId, Function.identity()));
        return Links.byKey(appointments, Appointment::getPractitionerId, found);
    }

    @SchemaMapping(typeName = "Appointment", field = "reason")
    String reason(Appointment appointment) {
        return ProtoValues.orNull(appointment.getReason());
    }

    @SchemaMapping(typeName = "Appointment", field = "outsideWorkingHoursSince")
    Timestamp outsideWorkingHoursSince(Appointment appointment) {
        return appointment.hasOutsideWorkingHoursSince() ? appointment.getOutsideWorkingHoursSince() : null;
    }

    /** The appointment service's cancellation policy, so the portal names the fee before a cancellation. */
    @SchemaMapping(typeName = "Appointment", field = "lateCancellationFrom")
    Timestamp lateCancellationFrom(Appointment appointment) {
        return appointment.hasLateCancellationFrom() ? appointment.getLateCancellationFrom() : null;
    }

    @MutationMapping
    Appointment bookAppointment(@Argument AppointmentInputs.BookAppointmentInput input, GraphQLContext context) {
        return stub(context).bookAppointment(BookAppointmentRequest.newBuilder()
                .setIdempotencyKey(ProtoValues.idempotencyKey(input.idempotencyKey()))
                .setPatientId(input.patientId()).setPractitionerId(input.practitionerId())
                .setStart(ProtoValues.timestamp(input.start()))
                .setAppointmentType(AppointmentType.valueOf(input.appointmentType()))
                .setReason(input.reason() == null ? "" : input.reason()).build()).getAppointment();
    }

    @MutationMapping
    Appointment cancelAppointment(@Argument AppointmentInputs.CancelAppointmentInput input, GraphQLContext context) {
        return stub(context).cancelAppointment(CancelAppointmentRequest.newBuilder()
                .setAppointmentId(input.appointmentId()).setExpectedVersion(input.expectedVersion())
                .setCancelledBy(input.cancelledBy() == null ? CancellingParty.CANCELLING_PARTY_UNSPECIFIED
                        : CancellingParty.valueOf(input.cancelledBy()))
                .setReason(input.reason()).build())
                .getAppointment();
    }

    @MutationMapping
    Appointment rescheduleAppointment(@Argument AppointmentInputs.RescheduleAppointmentInput input, GraphQLContext context) {
        return stub(context).rescheduleAppointment(RescheduleAppointmentRequest.newBuilder()
                .setAppointmentId(input.appointmentId()).setExpectedVersion(input.expectedVersion())
                .setNewStart(ProtoValues.timestamp(input.newStart())).build()).getAppointment();
    }

    @MutationMapping
    Appointment checkIn(@Argument AppointmentInputs.AppointmentChangeInput input, GraphQLContext context) {
        return stub(context).checkIn(CheckInRequest.newBuilder().setAppointmentId(input.appointmentId())
                .setExpectedVersion(input.expectedVersion()).build()).getAppointment();
    }

    @MutationMapping
    Appointment completeAppointment(@Argument AppointmentInputs.AppointmentChangeInput input, GraphQLContext context) {
        return stub(context).completeAppointment(CompleteAppointmentRequest.newBuilder()
                .setAppointmentId(input.appointmentId()).setExpectedVersion(input.expectedVersion()).build())
                .getAppointment();
    }

    @MutationMapping
    Appointment markNoShow(@Argument AppointmentInputs.AppointmentChangeInput input, GraphQLContext context) {
        return stub(context).markNoShow(MarkNoShowRequest.newBuilder().setAppointmentId(input.appointmentId())
                .setExpectedVersion(input.expectedVersion()).build()).getAppointment();
    }

    private AppointmentServiceBlockingStub stub(GraphQLContext context) {
        return services.appointments(Caller.of(context));
    }

    private static PageRequest page(Integer first, String after) {
        return PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))
                .setPageToken(after == null ? "" : after).build();
    }
}
