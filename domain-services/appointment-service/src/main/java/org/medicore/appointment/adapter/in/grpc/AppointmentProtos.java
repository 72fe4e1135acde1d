package org.medicore.appointment.adapter.in.grpc;

import org.mapstruct.AfterMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.factory.Mappers;
import org.medicore.appointment.domain.Actor;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Cancellation;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.Slot;
import org.medicore.appointment.domain.WorkingHours;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.support.mapping.ProtoConversions;
import org.medicore.support.mapping.ProtoMapping;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Domain to proto for the AppointmentService: appointments, practitioners, their working hours and free slots. */
@Mapper(config = ProtoMapping.class)
interface AppointmentProtos {

    AppointmentProtos PROTOS = Mappers.getMapper(AppointmentProtos.class);

    DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Mapping(target = "practitionerId", source = "practitioner.id")
    @Mapping(target = "appointmentType", source = "type")
    @Mapping(target = "start", source = "period.start")
    @Mapping(target = "end", source = "period.end")
    @Mapping(target = "lateCancellationFrom", ignore = true)
    org.medicore.contracts.appointment.v1.Appointment appointment(Appointment appointment);

    /** Only a booked appointment can still be cancelled, so only it says from when a patient's cancellation is late. */
    @AfterMapping
    default void lateCancellationFrom(Appointment appointment,
                                      @MappingTarget org.medicore.contracts.appointment.v1.Appointment.Builder proto) {
        if (appointment.status() == AppointmentStatus.BOOKED) {
            proto.setLateCancellationFrom(ProtoConversions.timestamp(appointment.lateCancellationFrom()));
        }
    }

    org.medicore.contracts.appointment.v1.Cancellation cancellation(Cancellation cancellation);

    @Mapping(target = "displayName", ignore = true)
    org.medicore.contracts.common.v1.Actor actor(Actor actor);

    org.medicore.contracts.appointment.v1.Practitioner practitioner(Practitioner practitioner);

    @Mapping(target = "days", ignore = true)
    @Mapping(target = "daysOff", ignore = true)
    @Mapping(target = "slotLengths", ignore = true)
    org.medicore.contracts.appointment.v1.WorkingHours workingHours(WorkingHours hours);

    /** Days from Monday, days off by date, slot lengths as the schedule holds them. */
    @AfterMapping
    default void schedule(WorkingHours hours, @MappingTarget org.medicore.contracts.appointment.v1.WorkingHours.Builder proto) {
        hours.schedule().days().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(day -> proto.addDays(day(day.getKey(), day.getValue())));
        hours.schedule().daysOff().stream().sorted().forEach(day -> proto.addDaysOff(ProtoConversions.date(day)));
        hours.schedule().slotLengths().forEach((type, length) -> proto.addSlotLengths(slotLength(type, length)));
    }

    @Mapping(target = "dayOfWeek", source = "dayOfWeek")
    org.medicore.contracts.appointment.v1.DaySchedule day(DayOfWeek dayOfWeek, DaySchedule schedule);

    com.google.type.DayOfWeek dayOfWeek(DayOfWeek day);

    org.medicore.contracts.appointment.v1.LocalTimeInterval interval(LocalTimeInterval interval);

    @Mapping(target = "appointmentType", source = "type")
    @Mapping(target = "minutes", expression = "java((int) length.toMinutes())")
    SlotLength slotLength(AppointmentType type, Duration length);

    @Mapping(target = "appointmentType", source = "type")
    @Mapping(target = "start", source = "period.start")
    @Mapping(target = "end", source = "period.end")
    org.medicore.contracts.appointment.v1.Slot slot(Slot slot);

    /** Wall-clock times as the contract writes them, "HH:MM". */
    default String hourAndMinute(LocalTime time) {
        return HH_MM.format(time);
    }

    default String zoneId(ZoneId zone) {
        return zone.getId();
    }

    default String appointmentId(AppointmentId id) {
        return id.toString();
    }

    default String practitionerId(PractitionerId id) {
        return id.toString();
    }

    default String patientId(PatientId id) {
        return id.value();
    }
}
