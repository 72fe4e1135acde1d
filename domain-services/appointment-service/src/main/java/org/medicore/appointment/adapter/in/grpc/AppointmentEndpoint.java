package org.medicore.appointment.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.application.port.in.FindFreeSlots;
import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.application.port.in.Outcome;
import org.medicore.appointment.application.port.in.ViewAppointments;
import org.medicore.appointment.domain.Caller;
import org.medicore.contracts.appointment.v1.*;
import org.medicore.support.grpc.GrpcErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.medicore.appointment.adapter.in.grpc.AppointmentProtos.PROTOS;
import static org.medicore.appointment.adapter.in.grpc.RequestReader.*;

/** The AppointmentService gRPC endpoint: reads the request, calls one use case, maps the outcome. */
final class AppointmentEndpoint extends AppointmentServiceGrpc.AppointmentServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentEndpoint.class);

    private final BookAppointment booking;
    private final ChangeAppointment changes;
    private final ViewAppointments views;
    private final FindFreeSlots freeSlots;
    private final ManagePractitioners practitioners;

    AppointmentEndpoint(BookAppointment booking, ChangeAppointment changes, ViewAppointments views,
                        FindFreeSlots freeSlots, ManagePractitioners practitioners) {
        this.booking = booking;
        this.changes = changes;
        this.views = views;
        this.freeSlots = freeSlots;
        this.practitioners = practitioners;
    }

    @Override
    public void createPractitioner(CreatePractitionerRequest request, StreamObserver<CreatePractitionerResponse> response) {
        respond(response, () -> practitioners.create(caller(), new ManagePractitioners.NewPractitioner(
                        name("name", request.getName()), request.getSpecialty(), request.getDepartment(),
                        request.getClinicId(), zone("time_zone", request.getTimeZone()),
                        Optional.of(request.getKeycloakSubject()))),
                created -> CreatePractitionerResponse.newBuilder().setPractitioner(PROTOS.practitioner(created)).build());
    }

    @Override
    public void getPractitioner(GetPractitionerRequest request, StreamObserver<GetPractitionerResponse> response) {
        respond(response, () -> practitioners.practitioner(caller(), practitionerId("practitioner_id", request.getPractitionerId())),
                found -> GetPractitionerResponse.newBuilder().setPractitioner(PROTOS.practitioner(found)).build());
    }

    @Override
    public void listPractitioners(ListPractitionersRequest request, StreamObserver<ListPractitionersResponse> response) {
        respond(response, () -> practitioners.practitioners(caller(), new ManagePractitioners.Filter(
                        Optional.of(request.getDepartment()), Optional.of(request.getSpecialty()),
                        Optional.of(request.getClinicId())), ListPaging.read(request, request.getPage())),
                page -> ListPractitionersResponse.newBuilder()
                        .addAllPractitioners(page.items().stream().map(PROTOS::practitioner).toList())
                        .setPageInfo(ListPaging.pageInfo(request, page))
                        .build());
    }

    @Override
    public void setWorkingHours(SetWorkingHoursRequest request, StreamObserver<SetWorkingHoursResponse> response) {
        respond(response, () -> practitioners.setWorkingHours(caller(),
                        practitionerId("practitioner_id", request.getPractitionerId()), request.getExpectedVersion(),
                        schedule(request.getDaysList(), request.getDaysOffList(), request.getSlotLengthsList())),
                set -> SetWorkingHoursResponse.newBuilder().setWorkingHours(PROTOS.workingHours(set.hours()))
                        .addAllConflictingAppointmentIds(set.conflictingAppointments().stream().map(Object::toString).toList())
                        .build());
    }

    @Override
    public void getWorkingHours(GetWorkingHoursRequest request, StreamObserver<GetWorkingHoursResponse> response) {
        respond(response, () -> practitioners.workingHours(caller(), practitionerId("practitioner_id", request.getPractitionerId())),
                hours -> GetWorkingHoursResponse.newBuilder().setWorkingHours(PROTOS.workingHours(hours)).build());
    }

    @Override
    public void listFreeSlots(ListFreeSlotsRequest request, StreamObserver<ListFreeSlotsResponse> response) {
        respond(response, () -> freeSlots.freeSlots(caller(), practitionerId("practitioner_id", request.getPractitionerId()),
                        type("appointment_type", request.getAppointmentType()),
                        date("from_date", request.hasFromDate(), request.getFromDate()),
                        date("to_date", request.hasToDate(), request.getToDate())),
                found -> ListFreeSlotsResponse.newBuilder().setTimeZone(found.timeZone().getId())
                        .addAllSlots(found.slots().stream().map(PROTOS::slot).toList()).build());
    }

    @Override
    public void bookAppointment(BookAppointmentRequest request, StreamObserver<BookAppointmentResponse> response) {
        // The reason's length is a rule of the contract (max_len), refused before this is called.
        respond(response, () -> booking.book(caller(), new BookAppointment.Command(
                        required("idempotency_key", request.getIdempotencyKey()),
                        patientId("patient_id", request.getPatientId()),
                        practitionerId("practitioner_id", request.getPractitionerId()),
                        instant("start", request.hasStart(), request.getStart()),
                        type("appointment_type", request.getAppointmentType()),
                        request.getReason())),
                booked -> BookAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(booked)).build());
    }

    @Override
    public void cancelAppointment(CancelAppointmentRequest request, StreamObserver<CancelAppointmentResponse> response) {
        respond(response, () -> changes.cancel(caller(), new ChangeAppointment.Cancel(
                        appointmentId("appointment_id", request.getAppointmentId()), request.getExpectedVersion(),
                        party("cancelled_by", request.getCancelledBy()), required("reason", request.getReason()))),
                cancelled -> CancelAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(cancelled)).build());
    }

    @Override
    public void rescheduleAppointment(RescheduleAppointmentRequest request, StreamObserver<RescheduleAppointmentResponse> response) {
        respond(response, () -> changes.reschedule(caller(), new ChangeAppointment.Reschedule(
                        appointmentId("appointment_id", request.getAppointmentId()), request.getExpectedVersion(),
                        instant("new_start", request.hasNewStart(), request.getNewStart()))),
                moved -> RescheduleAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(moved)).build());
    }

    @Override
    public void checkIn(CheckInRequest request, StreamObserver<CheckInResponse> response) {
        respond(response, () -> changes.checkIn(caller(), appointmentId("appointment_id", request.getAppointmentId()),
                        request.getExpectedVersion()),
                arrived -> CheckInResponse.newBuilder().setAppointment(PROTOS.appointment(arrived)).build());
    }

    @Override
    public void completeAppointment(CompleteAppointmentRequest request, StreamObserver<CompleteAppointmentResponse> response) {
        respond(response, () -> changes.complete(caller(), appointmentId("appointment_id", request.getAppointmentId()),
                        request.getExpectedVersion()),
                done -> CompleteAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(done)).build());
    }

    @Override
    public void markNoShow(MarkNoShowRequest request, StreamObserver<MarkNoShowResponse> response) {
        respond(response, () -> changes.markNoShow(caller(), appointmentId("appointment_id", request.getAppointmentId()),
                        request.getExpectedVersion()),
                missed -> MarkNoShowResponse.newBuilder().setAppointment(PROTOS.appointment(missed)).build());
    }

    @Override
    public void getAppointment(GetAppointmentRequest request, StreamObserver<GetAppointmentResponse> response) {
        respond(response, () -> views.appointment(caller(), appointmentId("appointment_id", request.getAppointmentId())),
                found -> GetAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(found)).build());
    }

    @Override
    public void listAppointmentsByPatient(ListAppointmentsByPatientRequest request,
                                          StreamObserver<ListAppointmentsByPatientResponse> response) {
        respond(response, () -> views.ofPatient(caller(), patientId("patient_id", request.getPatientId()),
                        timeFilter(request.getTimeFilter()), ListPaging.read(request, request.getPage())),
                page -> ListAppointmentsByPatientResponse.newBuilder()
                        .addAllAppointments(page.items().stream().map(PROTOS::appointment).toList())
                        .setPageInfo(ListPaging.pageInfo(request, page))
                        .build());
    }

    @Override
    public void listAppointmentsByPractitionerDay(ListAppointmentsByPractitionerDayRequest request,
                                                  StreamObserver<ListAppointmentsByPractitionerDayResponse> response) {
        respond(response, () -> views.ofPractitionerOn(caller(), practitionerId("practitioner_id", request.getPractitionerId()),
                        date("date", request.hasDate(), request.getDate()), request.getIncludeCancelled()),
                day -> ListAppointmentsByPractitionerDayResponse.newBuilder()
                        .addAllAppointments(day.stream().map(PROTOS::appointment).toList()).build());
    }

    @Override
    public void batchGetPractitioners(BatchGetPractitionersRequest request,
                                      StreamObserver<BatchGetPractitionersResponse> response) {
        respond(response, () -> practitioners.practitioners(caller(),
                        BatchRequests.ids("practitioner_ids", request.getPractitionerIdsList(), RequestReader::practitionerId)),
                found -> {
                    var ids = found.stream().map(practitioner -> practitioner.id().toString()).toList();
                    return BatchGetPractitionersResponse.newBuilder()
                            .addAllPractitioners(found.stream().map(PROTOS::practitioner).toList())
                            .addAllMissingPractitionerIds(BatchRequests.missing(request.getPractitionerIdsList(), ids))
                            .build();
                });
    }

    @Override
    public void batchGetAppointments(BatchGetAppointmentsRequest request,
                                     StreamObserver<BatchGetAppointmentsResponse> response) {
        respond(response, () -> views.appointments(caller(),
                        BatchRequests.ids("appointment_ids", request.getAppointmentIdsList(), RequestReader::appointmentId)),
                found -> {
                    var ids = found.stream().map(appointment -> appointment.id().toString()).toList();
                    return BatchGetAppointmentsResponse.newBuilder()
                            .addAllAppointments(found.stream().map(PROTOS::appointment).toList())
                            .addAllMissingAppointmentIds(BatchRequests.missing(request.getAppointmentIdsList(), ids))
                            .build();
                });
    }

    @Override
    public void batchListAppointmentsByPatients(BatchListAppointmentsByPatientsRequest request,
                                                StreamObserver<BatchListAppointmentsByPatientsResponse> response) {
        respond(response, () -> views.firstOfPatients(caller(),
                        BatchRequests.ids("patient_ids", request.getPatientIdsList(), RequestReader::patientId),
                        timeFilter(request.getTimeFilter()),
                        BatchRequests.limitPerPatient(request.getLimitPerPatient())),
                lists -> BatchListAppointmentsByPatientsResponse.newBuilder()
                        .addAllPatients(lists.stream().map(list -> PatientAppointments.newBuilder()
                                .setPatientId(list.patient().value())
                                .addAllAppointments(list.appointments().stream().map(PROTOS::appointment).toList())
                                .setHasMore(list.hasMore()).build()).toList())
                        .build());
    }

    private static ViewAppointments.TimeFilter timeFilter(AppointmentTimeFilter filter) {
        return switch (filter) {
            case UPCOMING -> ViewAppointments.TimeFilter.UPCOMING;
            case PAST -> ViewAppointments.TimeFilter.PAST;
            default -> ViewAppointments.TimeFilter.ALL;
        };
    }

    private static <T, R> void respond(StreamObserver<R> response, Supplier<Outcome<T>> call, Function<T, R> toResponse) {
        try {
            Outcome<T> outcome = call.get();
            if (outcome instanceof Outcome.Success<T> success) {
                response.onNext(toResponse.apply(success.value()));
                response.onCompleted();
            } else {
                response.onError(ErrorStatus.of(outcome));
            }
        } catch (InvalidField invalid) {
            response.onError(GrpcErrors.invalid(invalid.field(), invalid.getMessage()));
        } catch (IllegalArgumentException invalid) {
            response.onError(GrpcErrors.invalid("", invalid.getMessage()));
        } catch (RuntimeException failure) {
            LOG.error("call failed", failure);
            response.onError(GrpcErrors.ofFailure(failure));
        }
    }

    private static Caller caller() {
        return Callers.current();
    }
}
