package org.medicore.appointment.support;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPractitionerDayRequest;
import org.medicore.contracts.common.v1.AppointmentType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The gRPC requests the endpoint tests send, with the fields a test does not care about filled in. */
public final class ApiRequests {

    private ApiRequests() {
    }

    /** A consultation at {@code start}, under a fresh idempotency key. */
    public static BookAppointmentRequest booking(Practitioner practitioner, String patient, Instant start) {
        return BookAppointmentRequest.newBuilder().setIdempotencyKey(UUID.randomUUID().toString()).setPatientId(patient)
                .setPractitionerId(practitioner.id().toString()).setAppointmentType(AppointmentType.CONSULTATION)
                .setStart(Timestamp.newBuilder().setSeconds(start.getEpochSecond())).build();
    }

    public static ListAppointmentsByPractitionerDayRequest dayOf(Practitioner practitioner, LocalDate day) {
        return ListAppointmentsByPractitionerDayRequest.newBuilder().setPractitionerId(practitioner.id().toString())
                .setDate(date(day)).build();
    }

    public static ListAppointmentsByPatientRequest appointmentsOf(String patient) {
        return ListAppointmentsByPatientRequest.newBuilder().setPatientId(patient).build();
    }

    public static GetAppointmentRequest appointment(String id) {
        return GetAppointmentRequest.newBuilder().setAppointmentId(id).build();
    }

    public static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth()).build();
    }
}
