package org.medicore.appointment.adapter.in.grpc;

import io.grpc.stub.StreamObserver;
import org.medicore.appointment.application.port.in.BookAppointment;
import org.medicore.appointment.application.port.in.ChangeAppointment;
import org.medicore.appointment.application.port.in.FindFreeSlots;
import org.medicore.appointment.application.port.in.ManagePractitioners;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.in.ViewAppointments;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Caller;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.contracts.appointment.v1.*;
import org.medicore.support.grpc.GrpcErrors;
import org.medicore.support.port.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.medicore.appointment.adapter.in.grpc.AppointmentProtos.PROTOS;

/** The AppointmentService gRPC endpoint: reads every field of the request, calls one use case, maps the outcome. */
final class AppointmentEndpoint extends AppointmentServiceGrpc.AppointmentServiceImplBase {

    /** The domain a stale version's {@code ErrorInfo} names, as callers have always read it. */
    private static final String DOMAIN = "appointment-service";

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
        RequestReader read = new RequestReader(request);
        PersonName name = read.name(request.getName(), "name");
        ZoneId zone = read.zone(request.getTimeZone(), "time_zone");
        respond(response, read, () -> practitioners.create(caller(), new ManagePractitioners.NewPractitioner(name,
                        request.getSpecialty(), request.getDepartment(), request.getClinicId(), zone,
                        Optional.of(request.getKeycloakSubject()))),
                created -> CreatePractitionerResponse.newBuilder().setPractitioner(PROTOS.practitioner(created)).build());
    }

    @Override
    public void getPractitioner(GetPractitionerRequest request, StreamObserver<GetPractitionerResponse> response) {
        RequestReader read = new RequestReader(request);
        PractitionerId id = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        respond(response, read, () -> practitioners.practitioner(caller(), id),
                found -> GetPractitionerResponse.newBuilder().setPractitioner(PROTOS.practitioner(found)).build());
    }

    @Override
    public void listPractitioners(ListPractitionersRequest request, StreamObserver<ListPractitionersResponse> response) {
        RequestReader read = new RequestReader(request);
        Page.Request page = ListPaging.read(read, request, request.getPage());
        respond(response, read, () -> practitioners.practitioners(caller(), new ManagePractitioners.Filter(
                        Optional.of(request.getDepartment()), Optional.of(request.getSpecialty()),
                        Optional.of(request.getClinicId())), page),
                found -> ListPractitionersResponse.newBuilder()
                        .addAllPractitioners(found.items().stream().map(PROTOS::practitioner).toList())
                        .setPageInfo(ListPaging.pageInfo(request, found))
                        .build());
    }

    @Override
    public void setWorkingHours(SetWorkingHoursRequest request, StreamObserver<SetWorkingHoursResponse> response) {
        RequestReader read = new RequestReader(request);
        PractitionerId id = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        WeeklySchedule schedule = read.schedule(request.getDaysList(), request.getDaysOffList(), request.getSlotLengthsList());
        respond(response, read, () -> practitioners.setWorkingHours(caller(), id, request.getExpectedVersion(), schedule),
                set -> SetWorkingHoursResponse.newBuilder().setWorkingHours(PROTOS.workingHours(set.hours()))
                        .addAllConflictingAppointmentIds(set.conflictingAppointments().stream().map(Object::toString).toList())
                        .build());
    }

    @Override
    public void getWorkingHours(GetWorkingHoursRequest request, StreamObserver<GetWorkingHoursResponse> response) {
        RequestReader read = new RequestReader(request);
        PractitionerId id = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        respond(response, read, () -> practitioners.workingHours(caller(), id),
                hours -> GetWorkingHoursResponse.newBuilder().setWorkingHours(PROTOS.workingHours(hours)).build());
    }

    @Override
    public void listFreeSlots(ListFreeSlotsRequest request, StreamObserver<ListFreeSlotsResponse> response) {
        RequestReader read = new RequestReader(request);
        PractitionerId id = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        AppointmentType type = read.type(request.getAppointmentType(), "appointment_type");
        LocalDate from = read.date(request.hasFromDate(), request.getFromDate(), "from_date");
        LocalDate to = read.date(request.hasToDate(), request.getToDate(), "to_date");
        respond(response, read, () -> freeSlots.freeSlots(caller(), id, type, from, to),
                found -> ListFreeSlotsResponse.newBuilder().setTimeZone(found.timeZone().getId())
                        .addAllSlots(found.slots().stream().map(PROTOS::slot).toList()).build());
    }

    @Override
    public void bookAppointment(BookAppointmentRequest request, StreamObserver<BookAppointmentResponse> response) {
        RequestReader read = new RequestReader(request);
        String key = read.required(request.getIdempotencyKey(), "idempotency_key");
        PatientId patient = read.patientId(request.getPatientId(), "patient_id");
        PractitionerId practitioner = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        Instant start = read.requiredInstant(request.hasStart(), request.getStart(), "start");
        AppointmentType type = read.type(request.getAppointmentType(), "appointment_type");
        // The reason's length is a rule of the contract (max_len), refused before this is called.
        respond(response, read, () -> booking.book(caller(),
                        new BookAppointment.Command(key, patient, practitioner, start, type, request.getReason())),
                booked -> BookAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(booked)).build());
    }

    @Override
    public void cancelAppointment(CancelAppointmentRequest request, StreamObserver<CancelAppointmentResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        Optional<CancellingParty> party = read.party(request.getCancelledBy(), "cancelled_by");
        String reason = read.required(request.getReason(), "reason");
        respond(response, read, () -> changes.cancel(caller(),
                        new ChangeAppointment.Cancel(id, request.getExpectedVersion(), party, reason)),
                cancelled -> CancelAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(cancelled)).build());
    }

    @Override
    public void rescheduleAppointment(RescheduleAppointmentRequest request, StreamObserver<RescheduleAppointmentResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        Instant newStart = read.requiredInstant(request.hasNewStart(), request.getNewStart(), "new_start");
        respond(response, read, () -> changes.reschedule(caller(),
                        new ChangeAppointment.Reschedule(id, request.getExpectedVersion(), newStart)),
                moved -> RescheduleAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(moved)).build());
    }

    @Override
    public void checkIn(CheckInRequest request, StreamObserver<CheckInResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        respond(response, read, () -> changes.checkIn(caller(), id, request.getExpectedVersion()),
                arrived -> CheckInResponse.newBuilder().setAppointment(PROTOS.appointment(arrived)).build());
    }

    @Override
    public void completeAppointment(CompleteAppointmentRequest request, StreamObserver<CompleteAppointmentResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        respond(response, read, () -> changes.complete(caller(), id, request.getExpectedVersion()),
                done -> CompleteAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(done)).build());
    }

    @Override
    public void markNoShow(MarkNoShowRequest request, StreamObserver<MarkNoShowResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        respond(response, read, () -> changes.markNoShow(caller(), id, request.getExpectedVersion()),
                missed -> MarkNoShowResponse.newBuilder().setAppointment(PROTOS.appointment(missed)).build());
    }

    @Override
    public void getAppointment(GetAppointmentRequest request, StreamObserver<GetAppointmentResponse> response) {
        RequestReader read = new RequestReader(request);
        AppointmentId id = read.appointmentId(request.getAppointmentId(), "appointment_id");
        respond(response, read, () -> views.appointment(caller(), id),
                found -> GetAppointmentResponse.newBuilder().setAppointment(PROTOS.appointment(found)).build());
    }

    @Override
    public void listAppointmentsByPatient(ListAppointmentsByPatientRequest request,
                                          StreamObserver<ListAppointmentsByPatientResponse> response) {
        RequestReader read = new RequestReader(request);
        PatientId patient = read.patientId(request.getPatientId(), "patient_id");
        Page.Request page = ListPaging.read(read, request, request.getPage());
        respond(response, read, () -> views.ofPatient(caller(), patient, timeFilter(request.getTimeFilter()), page),
                found -> ListAppointmentsByPatientResponse.newBuilder()
                        .addAllAppointments(found.items().stream().map(PROTOS::appointment).toList())
                        .setPageInfo(ListPaging.pageInfo(request, found))
                        .build());
    }

    @Override
    public void listAppointmentsByPractitionerDay(ListAppointmentsByPractitionerDayRequest request,
                                                  StreamObserver<ListAppointmentsByPractitionerDayResponse> response) {
        RequestReader read = new RequestReader(request);
        PractitionerId id = read.practitionerId(request.getPractitionerId(), "practitioner_id");
        LocalDate date = read.date(request.hasDate(), request.getDate(), "date");
        respond(response, read, () -> views.ofPractitionerOn(caller(), id, date, request.getIncludeCancelled()),
                day -> ListAppointmentsByPractitionerDayResponse.newBuilder()
                        .addAllAppointments(day.stream().map(PROTOS::appointment).toList()).build());
    }

    @Override
    public void batchGetPractitioners(BatchGetPractitionersRequest request,
                                      StreamObserver<BatchGetPractitionersResponse> response) {
        RequestReader read = new RequestReader(request);
        List<PractitionerId> ids = read.practitionerIds(request.getPractitionerIdsList(), "practitioner_ids");
        respond(response, read, () -> practitioners.practitioners(caller(), ids),
                found -> {
                    var foundIds = found.stream().map(practitioner -> practitioner.id().toString()).toList();
                    return BatchGetPractitionersResponse.newBuilder()
                            .addAllPractitioners(found.stream().map(PROTOS::practitioner).toList())
                            .addAllMissingPractitionerIds(BatchRequests.missing(request.getPractitionerIdsList(), foundIds))
                            .build();
                });
    }

    @Override
    public void batchGetAppointments(BatchGetAppointmentsRequest request,
                                     StreamObserver<BatchGetAppointmentsResponse> response) {
        RequestReader read = new RequestReader(request);
        List<AppointmentId> ids = read.appointmentIds(request.getAppointmentIdsList(), "appointment_ids");
        respond(response, read, () -> views.appointments(caller(), ids),
                found -> {
                    var foundIds = found.stream().map(appointment -> appointment.id().toString()).toList();
                    return BatchGetAppointmentsResponse.newBuilder()
                            .addAllAppointments(found.stream().map(PROTOS::appointment).toList())
                            .addAllMissingAppointmentIds(BatchRequests.missing(request.getAppointmentIdsList(), foundIds))
                            .build();
                });
    }

    @Override
    public void batchListAppointmentsByPatients(BatchListAppointmentsByPatientsRequest request,
                                                StreamObserver<BatchListAppointmentsByPatientsResponse> response) {
        RequestReader read = new RequestReader(request);
        List<PatientId> patients = read.patientIds(request.getPatientIdsList(), "patient_ids");
        int limit = read.limitPerPatient(request.getLimitPerPatient());
        respond(response, read, () -> views.firstOfPatients(caller(), patients, timeFilter(request.getTimeFilter()), limit),
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

    /**
     * Answers every field {@code read} refused at once, before any use case is called; else calls it. A failure
     * is answered and logged by the shared rule: an outage UNAVAILABLE in one WARN line, anything else INTERNAL.
     */
    private static <T, R> void respond(StreamObserver<R> response, RequestReader read, Supplier<Outcome<T>> call,
                                       Function<T, R> toResponse) {
        if (!read.isValid()) {
            response.onError(GrpcErrors.invalid(read.violations()));
            return;
        }
        try {
            switch (call.get()) {
                case Outcome.Done<T> done -> {
                    response.onNext(toResponse.apply(done.value()));
                    response.onCompleted();
                }
                case Outcome.Refused<T> refused -> response.onError(GrpcErrors.refused(refused.refusal(), DOMAIN));
            }
        } catch (RuntimeException failure) {
            response.onError(GrpcErrors.ofFailure(failure));
        }
    }

    private static Caller caller() {
        return Callers.current();
    }
}
