package org.medicore.localstack.pact;

import com.google.protobuf.Message;
import org.medicore.contracts.events.v1.AppointmentBooked;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentCompleted;
import org.medicore.contracts.events.v1.AppointmentNoShow;
import org.medicore.contracts.events.v1.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v1.AppointmentRescheduled;
import org.medicore.contracts.events.v2.AppointmentFacts;

/**
 * An appointment event as appointment-service wrote it before medicore.events.v2: the v1 message
 * with the same facts. For the pacts' v1 examples, the outbox rows left from before the switch and
 * the tests that a v1 record on the topic still reads as its v2 equivalent; written apart from
 * the contracts' own v1-to-v2 reading so that such a test checks one against the other.
 */
public final class EventsBeforeV2 {

    private EventsBeforeV2() {
    }

    /** The v1 event of a medicore.events.v2 appointment event. */
    public static Message v1Of(Message v2Event) {
        return switch (v2Event) {
            case org.medicore.contracts.events.v2.AppointmentBooked e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentBooked.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setStart(a.getStart()).setEnd(a.getEnd()).build();
            }
            case org.medicore.contracts.events.v2.AppointmentCancelled e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentCancelled.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setStart(a.getStart()).setEnd(a.getEnd())
                        .setCancelledByValue(e.getCancelledByValue()).setReason(e.getReason()).setLate(e.getLate()).build();
            }
            case org.medicore.contracts.events.v2.AppointmentRescheduled e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentRescheduled.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setOldStart(e.getPreviousStart())
                        .setOldEnd(e.getPreviousEnd()).setNewStart(a.getStart()).setNewEnd(a.getEnd()).build();
            }
            case org.medicore.contracts.events.v2.AppointmentCompleted e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentCompleted.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setStart(a.getStart()).setEnd(a.getEnd()).build();
            }
            case org.medicore.contracts.events.v2.AppointmentNoShow e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentNoShow.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setStart(a.getStart()).setEnd(a.getEnd()).build();
            }
            case org.medicore.contracts.events.v2.AppointmentOutsideWorkingHours e -> {
                AppointmentFacts a = e.getAppointment();
                yield AppointmentOutsideWorkingHours.newBuilder().setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                        .setAppointmentId(a.getAppointmentId()).setPatientId(a.getPatientId())
                        .setPractitionerId(a.getPractitionerId()).setDepartment(a.getDepartment()).setClinicId(a.getClinicId())
                        .setAppointmentTypeValue(a.getAppointmentTypeValue()).setStart(a.getStart()).setEnd(a.getEnd()).build();
            }
            default -> throw new IllegalArgumentException(v2Event.getDescriptorForType().getFullName() + " is no v2 appointment event");
        };
    }
}
