package org.medicore.contracts.events.v2;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The appointment events of both versions on the appointments topic, read as medicore.events.v2:
 * a consumer parses a record with the builder its {@code event-type} names and takes the v2 form,
 * so it maps one shape into its own terms. The v1 events are rewritten field by field through
 * their generated accessors; v1 stays readable for as long as the topic retains it.
 */
public final class AppointmentEventVersions {

    private static final Map<String, Supplier<Message.Builder>> BUILDERS = Stream.of(
                    org.medicore.contracts.events.v1.AppointmentBooked.getDefaultInstance(),
                    org.medicore.contracts.events.v1.AppointmentCancelled.getDefaultInstance(),
                    org.medicore.contracts.events.v1.AppointmentRescheduled.getDefaultInstance(),
                    org.medicore.contracts.events.v1.AppointmentCompleted.getDefaultInstance(),
                    org.medicore.contracts.events.v1.AppointmentNoShow.getDefaultInstance(),
                    org.medicore.contracts.events.v1.AppointmentOutsideWorkingHours.getDefaultInstance(),
                    AppointmentBooked.getDefaultInstance(), AppointmentCancelled.getDefaultInstance(),
                    AppointmentRescheduled.getDefaultInstance(), AppointmentCompleted.getDefaultInstance(),
                    AppointmentNoShow.getDefaultInstance(), AppointmentOutsideWorkingHours.getDefaultInstance())
            .collect(Collectors.toUnmodifiableMap(event -> event.getDescriptorForType().getFullName(),
                    event -> event::newBuilderForType));

    private AppointmentEventVersions() {
    }

    /** A builder for the appointment event of either version that {@code eventType} names; empty for any other type. */
    public static Optional<Message.Builder> builderFor(String eventType) {
        return Optional.ofNullable(BUILDERS.get(eventType)).map(Supplier::get);
    }

    /** The v2 form of an appointment event of either version. */
    public static Message asV2(Message event) {
        return switch (event) {
            case org.medicore.contracts.events.v1.AppointmentBooked e -> AppointmentBooked.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getStart(), e.getEnd())).build();
            case org.medicore.contracts.events.v1.AppointmentCancelled e -> AppointmentCancelled.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getStart(), e.getEnd()))
                    .setCancelledByValue(e.getCancelledByValue()).setReason(e.getReason()).setLate(e.getLate()).build();
            case org.medicore.contracts.events.v1.AppointmentRescheduled e -> AppointmentRescheduled.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getNewStart(), e.getNewEnd()))
                    .setPreviousStart(e.getOldStart()).setPreviousEnd(e.getOldEnd()).build();
            case org.medicore.contracts.events.v1.AppointmentCompleted e -> AppointmentCompleted.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getStart(), e.getEnd())).build();
            case org.medicore.contracts.events.v1.AppointmentNoShow e -> AppointmentNoShow.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getStart(), e.getEnd())).build();
            case org.medicore.contracts.events.v1.AppointmentOutsideWorkingHours e -> AppointmentOutsideWorkingHours.newBuilder()
                    .setEventId(e.getEventId()).setOccurredAt(e.getOccurredAt())
                    .setAppointment(facts(e.getAppointmentId(), e.getPatientId(), e.getPractitionerId(), e.getDepartment(),
                            e.getClinicId(), e.getAppointmentTypeValue(), e.getStart(), e.getEnd())).build();
            case AppointmentBooked e -> e;
            case AppointmentCancelled e -> e;
            case AppointmentRescheduled e -> e;
            case AppointmentCompleted e -> e;
            case AppointmentNoShow e -> e;
            case AppointmentOutsideWorkingHours e -> e;
            default -> throw new IllegalArgumentException(event.getDescriptorForType().getFullName() + " is no appointment event");
        };
    }

    /** The facts of a v2 appointment event. */
    public static AppointmentFacts facts(Message v2Event) {
        return switch (v2Event) {
            case AppointmentBooked e -> e.getAppointment();
            case AppointmentCancelled e -> e.getAppointment();
            case AppointmentRescheduled e -> e.getAppointment();
            case AppointmentCompleted e -> e.getAppointment();
            case AppointmentNoShow e -> e.getAppointment();
            case AppointmentOutsideWorkingHours e -> e.getAppointment();
            default -> throw new IllegalArgumentException(v2Event.getDescriptorForType().getFullName() + " is no v2 appointment event");
        };
    }

    private static AppointmentFacts facts(String appointmentId, String patientId, String practitionerId, String department,
                                          String clinicId, int type, Timestamp start, Timestamp end) {
        return AppointmentFacts.newBuilder().setAppointmentId(appointmentId).setPatientId(patientId)
                .setPractitionerId(practitionerId).setDepartment(department).setClinicId(clinicId).setAppointmentTypeValue(type)
                .setStart(start).setEnd(end).build();
    }
}
