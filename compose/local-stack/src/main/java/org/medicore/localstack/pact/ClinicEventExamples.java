package org.medicore.localstack.pact;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v1.AppointmentBooked;
import org.medicore.contracts.events.v1.AppointmentCancelled;
import org.medicore.contracts.events.v1.AppointmentCompleted;
import org.medicore.contracts.events.v1.AppointmentNoShow;
import org.medicore.contracts.events.v1.AppointmentRescheduled;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.localstack.Topics;

import java.util.Map;

/**
 * The appointment and patient events as their producers write them in the provider state each
 * names, for every consumer's pact alike: one example per event, and one state name per event
 * that each producer knows how to bring about.
 */
public final class ClinicEventExamples {

    private static final Timestamp START = Timestamp.newBuilder().setSeconds(1_780_300_800).build();
    private static final Timestamp END = Timestamp.newBuilder().setSeconds(1_780_302_600).build();
    private static final Map<String, Object> APPOINTMENT = Map.of(
            "event_id", "b3e1c7a9-5d2f-4e8b-9a6c-0f4d2b8e6a11", "occurred_at", Timestamp.newBuilder().setSeconds(1_780_000_000).build(),
            "appointment_id", "e5c3a1f7-9b4d-4d2e-8f6a-3b1c7e5a9d22", "patient_id", "a7f5e3c1-2d9b-4b6a-9e8f-5d3b1a7c4e33",
            "practitioner_id", "c9a7f5e3-4b2d-4f8e-a1c6-7e5d3b9a2f44", "department", "Internal Medicine",
            "clinic_id", "clinic-1", "appointment_type", AppointmentType.CONSULTATION.getValueDescriptor(),
            "start", START, "end", END);

    private ClinicEventExamples() {
    }

    public static EventInteraction appointmentBooked() {
        return appointment(AppointmentBooked.newBuilder(), "an appointment is booked");
    }

    public static EventInteraction appointmentRescheduled() {
        AppointmentRescheduled.Builder moved = AppointmentRescheduled.newBuilder().setOldStart(START).setOldEnd(END)
                .setNewStart(END).setNewEnd(Timestamp.newBuilder().setSeconds(1_780_304_400).build());
        return appointment(moved, "an appointment is rescheduled");
    }

    /** Billing charges only for a late cancellation; the state brings one about. */
    public static EventInteraction appointmentCancelledLate() {
        return appointment(AppointmentCancelled.newBuilder().setCancelledBy(CancellingParty.PATIENT)
                .setReason("feeling unwell").setLate(true), "a patient cancels an appointment late");
    }

    public static EventInteraction appointmentCompleted() {
        return appointment(AppointmentCompleted.newBuilder(), "an appointment is completed");
    }

    public static EventInteraction appointmentNoShow() {
        return appointment(AppointmentNoShow.newBuilder(), "a patient does not come to an appointment");
    }

    public static EventInteraction patientRegistered() {
        return EventInteraction.event(PatientRegistered.newBuilder().setEventId("f1d9b7a5-6e3c-4a2f-b8d1-9c7a5e3f1b55")
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_780_000_000))
                        .setPatientId("d3b1f9e7-8a5c-4c4b-a2f3-1e9c7a5d3b66").setRegisteredAtClinicId("clinic-1")
                        .setHasPortalAccount(true).build())
                .on(Topics.PATIENTS).given("a patient with a portal account registers at a clinic");
    }

    /**
     * The appointment events share their first eight fields by name and number, though not a Java
     * type (a rescheduled one has its own instants instead of start and end).
     */
    private static EventInteraction appointment(Message.Builder event, String state) {
        APPOINTMENT.forEach((name, value) -> {
            var field = event.getDescriptorForType().findFieldByName(name);
            if (field != null) {
                event.setField(field, value);
            }
        });
        return EventInteraction.event(event.build()).on(Topics.APPOINTMENTS).given(state);
    }
}
