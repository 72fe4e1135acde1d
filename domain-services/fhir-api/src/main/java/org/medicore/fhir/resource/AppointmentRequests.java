package org.medicore.fhir.resource;

import com.google.protobuf.Timestamp;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Reference;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;

import java.util.List;
import java.util.Set;

/**
 * What a FHIR client writes, as appointment-service's requests: a new Appointment is a booking of
 * its patient with its practitioner at its start; an update that sets {@code status=cancelled} is a
 * cancellation. What the service decides itself (the end, from the slot length; who cancelled, from
 * the caller's role) is not taken from the resource.
 */
public final class AppointmentRequests {

    private static final Set<Appointment.AppointmentStatus> BOOKABLE = Set.of(Appointment.AppointmentStatus.PROPOSED,
            Appointment.AppointmentStatus.PENDING, Appointment.AppointmentStatus.BOOKED);

    private AppointmentRequests() {
    }

    public static BookAppointmentRequest booking(Appointment wanted, String idempotencyKey) {
        if (!BOOKABLE.contains(wanted.getStatus())) {
            throw new InvalidResource("Appointment.status", "a new appointment is proposed, pending or booked");
        }
        if (wanted.getStartElement().isEmpty()) {
            throw new InvalidResource("Appointment.start", "a booking needs its start");
        }
        Timestamp start = Timestamp.newBuilder().setSeconds(wanted.getStart().toInstant().getEpochSecond()).build();
        BookAppointmentRequest.Builder booking = BookAppointmentRequest.newBuilder()
                .setIdempotencyKey(idempotencyKey)
                .setPatientId(participant(wanted, "Patient"))
                .setPractitionerId(participant(wanted, "Practitioner"))
                .setStart(start)
                .setAppointmentType(AppointmentResources.typeOf(wanted.getAppointmentType()));
        if (wanted.hasDescription()) {
            booking.setReason(wanted.getDescription());
        }
        return booking.build();
    }

    /**
     * The cancellation an update asks for, of the version {@code expectedVersion} (0: any); the reason
     * is the cancelation reason's text, or its first coding's display.
     */
    public static CancelAppointmentRequest cancellation(String id, Appointment changed, long expectedVersion) {
        if (changed.hasIdElement() && changed.getIdElement().hasIdPart() && !changed.getIdElement().getIdPart().equals(id)) {
            throw new InvalidResource("Appointment.id", "the appointment's id differs from the one in the URL");
        }
        if (changed.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw new InvalidResource("Appointment.status",
                    "an appointment is changed here only by cancelling it (status cancelled); other changes are not served");
        }
        String reason = changed.getCancelationReason().hasText() ? changed.getCancelationReason().getText()
                : changed.getCancelationReason().getCodingFirstRep().getDisplay();
        return CancelAppointmentRequest.newBuilder().setAppointmentId(id).setExpectedVersion(expectedVersion)
                .setReason(reason == null ? "" : reason).build();
    }

    private static String participant(Appointment wanted, String type) {
        List<String> ids = wanted.getParticipant().stream().map(Appointment.AppointmentParticipantComponent::getActor)
                .map(Reference::getReference).filter(reference -> reference != null && reference.startsWith(type + "/"))
                .map(reference -> reference.substring(type.length() + 1)).toList();
        if (ids.size() != 1) {
            throw new InvalidResource("Appointment.participant", "a booking names exactly one " + type + " as a participant");
        }
        return ids.getFirst();
    }
}
