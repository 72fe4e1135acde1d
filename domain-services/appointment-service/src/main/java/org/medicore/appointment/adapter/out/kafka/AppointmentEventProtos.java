package org.medicore.appointment.adapter.out.kafka;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;
import org.medicore.appointment.domain.AppointmentEvent;
import org.medicore.contracts.events.v2.AppointmentBooked;
import org.medicore.contracts.events.v2.AppointmentCancelled;
import org.medicore.contracts.events.v2.AppointmentCompleted;
import org.medicore.contracts.events.v2.AppointmentFacts;
import org.medicore.contracts.events.v2.AppointmentNoShow;
import org.medicore.contracts.events.v2.AppointmentOutsideWorkingHours;
import org.medicore.contracts.events.v2.AppointmentRescheduled;
import org.medicore.support.mapping.ProtoMapping;

/** Appointment events as medicore.events.v2 messages, each with the appointment's facts in one {@code AppointmentFacts}. */
@Mapper(config = ProtoMapping.class)
interface AppointmentEventProtos {

    AppointmentEventProtos PROTOS = Mappers.getMapper(AppointmentEventProtos.class);

    @Mapping(target = "appointment", source = "facts")
    AppointmentBooked booked(AppointmentEvent.AppointmentBooked event);

    @Mapping(target = "appointment", source = "facts")
    AppointmentCancelled cancelled(AppointmentEvent.AppointmentCancelled event);

    @Mapping(target = "appointment", source = "facts")
    @Mapping(target = "previousStart", source = "oldPeriod.start")
    @Mapping(target = "previousEnd", source = "oldPeriod.end")
    AppointmentRescheduled rescheduled(AppointmentEvent.AppointmentRescheduled event);

    @Mapping(target = "appointment", source = "facts")
    AppointmentCompleted completed(AppointmentEvent.AppointmentCompleted event);

    @Mapping(target = "appointment", source = "facts")
    AppointmentNoShow noShow(AppointmentEvent.AppointmentNoShow event);

    @Mapping(target = "appointment", source = "facts")
    AppointmentOutsideWorkingHours outsideWorkingHours(AppointmentEvent.AppointmentOutsideWorkingHours event);

    @Mapping(target = "appointmentId", source = "appointmentId.value")
    @Mapping(target = "patientId", source = "patientId.value")
    @Mapping(target = "practitionerId", source = "practitioner.id.value")
    @Mapping(target = "department", source = "practitioner.department")
    @Mapping(target = "clinicId", source = "practitioner.clinicId")
    @Mapping(target = "appointmentType", source = "type")
    @Mapping(target = "start", source = "period.start")
    @Mapping(target = "end", source = "period.end")
    AppointmentFacts facts(org.medicore.appointment.domain.AppointmentFacts facts);
}
