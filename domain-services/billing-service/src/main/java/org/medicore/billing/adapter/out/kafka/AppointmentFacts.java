package org.medicore.billing.adapter.out.kafka;

import org.mapstruct.Mapping;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The appointment's practitioner, department and clinic, which every billing event carries for analytics. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Mapping(target = "practitionerId", source = "appointment.practitionerId")
@Mapping(target = "department", source = "appointment.department")
@Mapping(target = "clinicId", source = "appointment.clinicId")
@interface AppointmentFacts {
}
