package org.medicore.localstack.pact;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.events.v1.PatientRegistered;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentRescheduled;
import org.medicore.localstack.Topics;

/**
 * The appointment and patient events as their producers write them in the provider state each
 * names, for every consumer's pact alike: one example per event, and one state name per event
 * that each producer knows how to bring about. Appointment events are medicore.events.v2;
 * {@link #writtenBeforeV2} gives the v1 form that consumers read too.
 */
public final class ClinicEventExamples {

    private static final Timestamp START = Timestamp.newBuilder().setSeconds(1_780_300_800).build();
    private static final Timestamp END = Timestamp.newBuilder().setSeconds(1_780_302_600).build();
    private static final String EVENT_ID = "b3e1c7a9-5d2f-4e8b-9a6c-0f4d2b8e6a11";
    private static final Timestamp OCCURRED_AT = Timestamp.newBuilder().setSeconds(1_780_000_000).build();
    private static final AppointmentFacts APPOINTMENT = AppointmentFacts.newBuilder()
            .setAppointmentId("e5c3a1f7-9b4d-4d2e-8f6a-3b1c7e5a9d22").setPatientId("a7f5e3c1-2d9b-4b6a-9e8f-5d3b1a7c4e33")
            .setPractitionerId("c9a7f5e3-4b2d-4f8e-a1c6-7e5d3b9a2f44").setDepartment("Internal Medicine")
            .setClinicId("clinic-1").setAppointmentType(AppointmentType.CONSULTATION).setStart(START).setEnd(END).build();

    private ClinicEventExamples() {
    }

    public static EventInteraction appointmentBooked() {
        return appointment(AppointmentBooked.newBuilder().setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setAppointment(APPOINTMENT).build(), "an appointment is booked");
    }

    public static EventInteraction appointmentRescheduled() {
        AppointmentFacts moved = APPOINTMENT.toBuilder().setStart(END)
                .setEnd(Timestamp.newBuilder().setSeconds(1_780_304_400).build()).build();
        return appointment(AppointmentRescheduled.newBuilder().setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setAppointment(moved).setPreviousStart(START).setPreviousEnd(END).build(), "an appointment is rescheduled");
    }

    /** Billing charges only for a late cancellation; the state brings one about. */
    public static EventInteraction appointmentCancelledLate() {
        return appointment(AppointmentCancelled.newBuilder().setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setAppointment(APPOINTMENT).setCancelledBy(CancellingParty.PATIENT).setReason("feeling unwell").setLate(true)
                .build(), "a patient cancels an appointment late");
    }

    public static EventInteraction appointmentCompleted() {
        return appointment(AppointmentCompleted.newBuilder().setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setAppointment(APPOINTMENT).build(), "an appointment is completed");
    }

    public static EventInteraction appointmentNoShow() {
        return appointment(AppointmentNoShow.newBuilder().setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setAppointment(APPOINTMENT).build(), "a patient does not come to an appointment");
    }

    /**
     * The same example as appointment-service wrote it before medicore.events.v2, in the same provider
     * state: v1 records stay on the topic for its retention, so consumers keep reading them.
     */
    public static EventInteraction writtenBeforeV2(EventInteraction v2) {
        EventInteraction v1 = EventInteraction.event(EventsBeforeV2.v1Of(v2.example())).on(v2.topic());
        v2.states().forEach(v1::given);
        return v1;
    }

    public static EventInteraction patientRegistered() {
        return EventInteraction.event(PatientRegistered.newBuilder().setEventId("f1d9b7a5-6e3c-4a2f-b8d1-9c7a5e3f1b55")
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_780_000_000))
                        .setPatientId("d3b1f9e7-8a5c-4c4b-a2f3-1e9c7a5d3b66").setRegisteredAtClinicId("clinic-1")
                        .setHasPortalAccount(true).build())
                .on(Topics.PATIENTS).given("a patient with a portal account registers at a clinic");
    }

    private static EventInteraction appointment(Message event, String state) {
        return EventInteraction.event(event).on(Topics.APPOINTMENTS).given(state);
    }
}
