package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.type.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchGetAppointmentsRequest;
import org.medicore.contracts.appointment.v1.BatchGetAppointmentsResponse;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersResponse;
import org.medicore.contracts.appointment.v1.BatchListAppointmentsByPatientsRequest;
import org.medicore.contracts.appointment.v1.BatchListAppointmentsByPatientsResponse;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentResponse;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentResponse;
import org.medicore.contracts.appointment.v1.Cancellation;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.CheckInRequest;
import org.medicore.contracts.appointment.v1.CheckInResponse;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.appointment.v1.CompleteAppointmentResponse;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentResponse;
import org.medicore.contracts.appointment.v1.GetPractitionerRequest;
import org.medicore.contracts.appointment.v1.GetPractitionerResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPractitionerDayRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPractitionerDayResponse;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsResponse;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.MarkNoShowRequest;
import org.medicore.contracts.appointment.v1.MarkNoShowResponse;
import org.medicore.contracts.appointment.v1.PatientAppointments;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.RescheduleAppointmentRequest;
import org.medicore.contracts.appointment.v1.RescheduleAppointmentResponse;
import org.medicore.contracts.appointment.v1.Slot;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.GrpcPacts;
import org.medicore.localstack.pact.StateValue;

import java.time.Instant;
import java.util.List;

import static org.medicore.localstack.pact.GrpcInteraction.call;

/** What the BFF asks of appointment-service, and what it reads from the answers. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = AppointmentServicePactTest.PROVIDER, providerType = ProviderType.SYNCH_MESSAGE)
class AppointmentServicePactTest {

    static final String PROVIDER = "appointment-service";
    static final String A_PRACTITIONER = "a practitioner with free slots";
    static final String A_BOOKING = "a booked appointment";
    static final String STARTED = "an appointment that has started";

    private static final StateValue PRACTITIONER_ID = new StateValue("practitionerId", "5a1c8e3f-7b2d-4e9a-8f6c-1d3b5e7a9c20");
    private static final StateValue DEPARTMENT = new StateValue("department", "Internal Medicine");
    private static final StateValue PATIENT_ID = new StateValue("patientId", "9e4b2d6a-3c8f-4a1e-b7d5-6f2a8c0e4b31");
    private static final StateValue APPOINTMENT_ID = new StateValue("appointmentId", "c2f7a9e1-4d6b-4c3a-9e8f-7b1d5a3c6e42");
    private static final StateValue VERSION = new StateValue("version", "1");
    private static final StateValue SLOT_START = new StateValue("slotStart", "2031-03-04T07:00:00Z");
    private static final StateValue NEW_START = new StateValue("newStart", "2031-03-04T08:00:00Z");
    private static final StateValue YEAR = StateValue.number("year", 2031);
    private static final StateValue MONTH = StateValue.number("month", 3);
    private static final StateValue DAY = StateValue.number("day", 4);
    private static final Date SLOT_DAY = Date.newBuilder().setYear(2031).setMonth(3).setDay(4).build();

    private static final Practitioner PRACTITIONER = Practitioner.newBuilder().setId(PRACTITIONER_ID.example())
            .setName(PersonName.newBuilder().setGiven("Ada").setFamily("Lovelace")).setSpecialty("Cardiology")
            .setDepartment(DEPARTMENT.example()).setClinicId("clinic-1").setTimeZone("Europe/Berlin")
            .setKeycloakSubject("doctor").setVersion(1).build();
    private static final Appointment BOOKED = Appointment.newBuilder().setId(APPOINTMENT_ID.example())
            .setPatientId(PATIENT_ID.example()).setPractitionerId(PRACTITIONER_ID.example())
            .setAppointmentType(AppointmentType.CONSULTATION).setStatus(AppointmentStatus.BOOKED)
            .setStart(timestamp(SLOT_START)).setEnd(timestamp(NEW_START)).setVersion(1).build();

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact appointmentService(SynchronousMessagePactBuilder builder) {
        return GrpcPacts.pact(BffPacts.CONSUMER, PROVIDER,
                call(AppointmentServiceGrpc.getGetPractitionerMethod())
                        .given(A_PRACTITIONER, PRACTITIONER_ID).by("DOCTOR")
                        .sending(GetPractitionerRequest.newBuilder().setPractitionerId(PRACTITIONER_ID.example()).build())
                        .receiving(GetPractitionerResponse.newBuilder().setPractitioner(PRACTITIONER).build()),
                call(AppointmentServiceGrpc.getListPractitionersMethod())
                        .given(A_PRACTITIONER, DEPARTMENT).by("PATIENT")
                        .sending(ListPractitionersRequest.newBuilder().setDepartment(DEPARTMENT.example())
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListPractitionersResponse.newBuilder().addPractitioners(PRACTITIONER)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(AppointmentServiceGrpc.getBatchGetPractitionersMethod())
                        .given(A_PRACTITIONER, PRACTITIONER_ID).by("PATIENT")
                        .sending(BatchGetPractitionersRequest.newBuilder().addPractitionerIds(PRACTITIONER_ID.example()).build())
                        .receiving(BatchGetPractitionersResponse.newBuilder().addPractitioners(PRACTITIONER).build()),
                call(AppointmentServiceGrpc.getListFreeSlotsMethod())
                        .given(A_PRACTITIONER, PRACTITIONER_ID, YEAR, MONTH, DAY).by("PATIENT")
                        .sending(ListFreeSlotsRequest.newBuilder().setPractitionerId(PRACTITIONER_ID.example())
                                .setFromDate(SLOT_DAY).setToDate(SLOT_DAY).setAppointmentType(AppointmentType.CONSULTATION).build())
                        .receiving(ListFreeSlotsResponse.newBuilder().setTimeZone("Europe/Berlin")
                                .addSlots(Slot.newBuilder().setPractitionerId(PRACTITIONER_ID.example())
                                        .setAppointmentType(AppointmentType.CONSULTATION)
                                        .setStart(timestamp(SLOT_START)).setEnd(timestamp(NEW_START))).build()),
                call(AppointmentServiceGrpc.getBookAppointmentMethod())
                        .given(A_PRACTITIONER, PRACTITIONER_ID, PATIENT_ID, SLOT_START).by("PATIENT")
                        .sending(BookAppointmentRequest.newBuilder().setIdempotencyKey("0f3b6d9e-2a5c-4e7b-8d1f-4c6a9e2b5d73")
                                .setPatientId(PATIENT_ID.example()).setPractitionerId(PRACTITIONER_ID.example())
                                .setStart(timestamp(SLOT_START)).setAppointmentType(AppointmentType.CONSULTATION)
                                .setReason("check-up").build())
                        .receiving(BookAppointmentResponse.newBuilder().setAppointment(BOOKED).build()),
                call(AppointmentServiceGrpc.getGetAppointmentMethod())
                        .given(A_BOOKING, APPOINTMENT_ID).by("PATIENT")
                        .sending(GetAppointmentRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example()).build())
                        .receiving(GetAppointmentResponse.newBuilder().setAppointment(BOOKED).build()),
                call(AppointmentServiceGrpc.getListAppointmentsByPatientMethod())
                        .given(A_BOOKING, PATIENT_ID).by("PATIENT")
                        .sending(ListAppointmentsByPatientRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setTimeFilter(AppointmentTimeFilter.UPCOMING)
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListAppointmentsByPatientResponse.newBuilder().addAppointments(BOOKED)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(AppointmentServiceGrpc.getBatchListAppointmentsByPatientsMethod())
                        .given(A_BOOKING, PATIENT_ID).by("PATIENT")
                        .sending(BatchListAppointmentsByPatientsRequest.newBuilder().addPatientIds(PATIENT_ID.example())
                                .setTimeFilter(AppointmentTimeFilter.UPCOMING).setLimitPerPatient(5).build())
                        .receiving(BatchListAppointmentsByPatientsResponse.newBuilder().addPatients(PatientAppointments
                                .newBuilder().setPatientId(PATIENT_ID.example()).addAppointments(BOOKED)).build()),
                call(AppointmentServiceGrpc.getListAppointmentsByPractitionerDayMethod())
                        .given(A_BOOKING, PRACTITIONER_ID, YEAR, MONTH, DAY).by("DOCTOR")
                        .sending(ListAppointmentsByPractitionerDayRequest.newBuilder().setPractitionerId(PRACTITIONER_ID.example())
                                .setDate(SLOT_DAY).build())
                        .receiving(ListAppointmentsByPractitionerDayResponse.newBuilder().addAppointments(BOOKED).build()),
                call(AppointmentServiceGrpc.getBatchGetAppointmentsMethod())
                        .given(A_BOOKING, APPOINTMENT_ID).by("DOCTOR")
                        .sending(BatchGetAppointmentsRequest.newBuilder().addAppointmentIds(APPOINTMENT_ID.example()).build())
                        .receiving(BatchGetAppointmentsResponse.newBuilder().addAppointments(BOOKED).build()),
                call(AppointmentServiceGrpc.getCancelAppointmentMethod())
                        .given(A_BOOKING, APPOINTMENT_ID, VERSION).by("PATIENT")
                        .sending(CancelAppointmentRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example()))
                                .setCancelledBy(CancellingParty.PATIENT).setReason("feeling better").build())
                        .receiving(CancelAppointmentResponse.newBuilder().setAppointment(BOOKED.toBuilder()
                                .setStatus(AppointmentStatus.CANCELLED).setCancellation(Cancellation.newBuilder()
                                        .setCancelledBy(CancellingParty.PATIENT).setReason("feeling better"))).build()),
                call(AppointmentServiceGrpc.getRescheduleAppointmentMethod())
                        .given(A_BOOKING, APPOINTMENT_ID, VERSION, NEW_START).by("PATIENT")
                        .sending(RescheduleAppointmentRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example())).setNewStart(timestamp(NEW_START)).build())
                        .receiving(RescheduleAppointmentResponse.newBuilder().setAppointment(BOOKED).build()),
                call(AppointmentServiceGrpc.getCheckInMethod())
                        .given(STARTED, APPOINTMENT_ID, VERSION).by("DOCTOR")
                        .sending(CheckInRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example())).build())
                        .receiving(CheckInResponse.newBuilder().setAppointment(BOOKED.toBuilder()
                                .setStatus(AppointmentStatus.CHECKED_IN).setCheckedInAt(timestamp(NEW_START))).build()),
                call(AppointmentServiceGrpc.getCompleteAppointmentMethod())
                        .given(STARTED, APPOINTMENT_ID, VERSION).by("DOCTOR")
                        .sending(CompleteAppointmentRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example())).build())
                        .receiving(CompleteAppointmentResponse.newBuilder().setAppointment(BOOKED.toBuilder()
                                .setStatus(AppointmentStatus.COMPLETED).setCompletedAt(timestamp(NEW_START))).build()),
                call(AppointmentServiceGrpc.getMarkNoShowMethod())
                        .given(STARTED, APPOINTMENT_ID, VERSION).by("DOCTOR")
                        .sending(MarkNoShowRequest.newBuilder().setAppointmentId(APPOINTMENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example())).build())
                        .receiving(MarkNoShowResponse.newBuilder().setAppointment(BOOKED.toBuilder()
                                .setStatus(AppointmentStatus.NO_SHOW)).build()));
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, AppointmentServiceGrpc.getServiceDescriptor());
    }

    private static com.google.protobuf.Timestamp timestamp(StateValue instant) {
        return ProtoValues.timestamp(Instant.parse(instant.example()));
    }
}
