package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Meta;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.hl7.fhir.r4.model.Coding;
import org.medicore.contracts.common.v1.AppointmentType;

import java.util.Optional;

/** An appointment of appointment-service as a FHIR Appointment between a patient and a practitioner. */
public final class AppointmentResources {

    private static final String APPOINTMENT_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0276";

    private AppointmentResources() {
    }

    public static Appointment of(org.medicore.contracts.appointment.v1.Appointment booked) {
        Appointment appointment = new Appointment();
        appointment.setId(booked.getId());
        Meta meta = new Meta().setVersionId(Long.toString(booked.getVersion()));
        FhirValues.instant(booked.hasUpdatedAt(), booked.getUpdatedAt()).ifPresent(meta::setLastUpdatedElement);
        appointment.setMeta(meta);
        appointment.setStatus(status(booked.getStatus()));
        appointment.setAppointmentType(type(booked.getAppointmentType()));
        FhirValues.instant(booked.hasStart(), booked.getStart()).ifPresent(appointment::setStartElement);
        FhirValues.instant(booked.hasEnd(), booked.getEnd()).ifPresent(appointment::setEndElement);
        FhirValues.dateTime(booked.hasCreatedAt(), booked.getCreatedAt()).ifPresent(appointment::setCreatedElement);
        if (!booked.getReason().isBlank()) {
            appointment.setDescription(booked.getReason());
        }
        if (booked.hasCancellation() && !booked.getCancellation().getReason().isBlank()) {
            appointment.setCancelationReason(new CodeableConcept().setText(booked.getCancellation().getReason()));
        }
        appointment.addParticipant().setActor(FhirValues.reference("Patient", booked.getPatientId()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(FhirValues.reference("Practitioner", booked.getPractitionerId()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    static Appointment.AppointmentStatus status(AppointmentStatus status) {
        return switch (status) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CHECKED_IN -> Appointment.AppointmentStatus.CHECKEDIN;
            case COMPLETED -> Appointment.AppointmentStatus.FULFILLED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
            // appointment-service stores none without a status: an answer without one breaks the contract
            case APPOINTMENT_STATUS_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalStateException("appointment-service answered an appointment without a status");
        };
    }

    /** v2 table 0276 has a routine and a follow-up visit; a lab visit has no code there, so it is named only. */
    static CodeableConcept type(AppointmentType type) {
        return switch (type) {
            case CONSULTATION -> FhirValues.concept(APPOINTMENT_TYPE, "ROUTINE", "Consultation");
            case FOLLOW_UP -> FhirValues.concept(APPOINTMENT_TYPE, "FOLLOWUP", "Follow-up");
            case LAB_VISIT -> new CodeableConcept().setText("Lab visit");
            case APPOINTMENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    /** The type a client names as {@link #type} writes it: a v2-0276 code, or the lab visit by its name; none is a consultation. */
    static AppointmentType typeOf(CodeableConcept given) {
        if (given.isEmpty()) {
            return AppointmentType.CONSULTATION;
        }
        for (Coding coding : given.getCoding()) {
            if (APPOINTMENT_TYPE.equals(coding.getSystem())) {
                Optional<AppointmentType> coded = typeCoded(coding.getCode());
                if (coded.isPresent()) {
                    return coded.get();
                }
            }
        }
        if (!given.hasCoding() && "Lab visit".equalsIgnoreCase(given.getText())) {
            return AppointmentType.LAB_VISIT;
        }
        throw new InvalidResource("Appointment.appointmentType",
                "the type is v2-0276 ROUTINE or FOLLOWUP, or the text Lab visit");
    }

    /** The type a v2-0276 code stands for: {@code ROUTINE} a consultation, {@code FOLLOWUP} a follow-up. */
    public static Optional<AppointmentType> typeCoded(String code) {
        return switch (code == null ? "" : code) {
            case "ROUTINE" -> Optional.of(AppointmentType.CONSULTATION);
            case "FOLLOWUP" -> Optional.of(AppointmentType.FOLLOW_UP);
            default -> Optional.empty();
        };
    }

    /** The code system of {@link #typeCoded}, which a search token may name. */
    public static String typeSystem() {
        return APPOINTMENT_TYPE;
    }
}
