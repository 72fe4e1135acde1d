package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.appointment.domain.Actor;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.Slot;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.Cancellation;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.common.v1.Role;
import org.medicore.support.port.Uuids;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The one mapping place between the gRPC contract and the domain. Reading throws {@link InvalidField}. */
final class ProtoMapping {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ProtoMapping() {
    }

    // ---- reading requests

    static AppointmentId appointmentId(String field, String text) {
        return new AppointmentId(uuid(field, text));
    }

    static PractitionerId practitionerId(String field, String text) {
        return new PractitionerId(uuid(field, text));
    }

    static PatientId patientId(String field, String text) {
        if (text.isBlank()) {
            throw new InvalidField(field, "required");
        }
        return new PatientId(text);
    }

    static String required(String field, String text) {
        if (text.isBlank()) {
            throw new InvalidField(field, "required");
        }
        return text;
    }

    static Instant instant(String field, boolean present, Timestamp timestamp) {
        if (!present) {
            throw new InvalidField(field, "required");
        }
        try {
            return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidField(field, "not a valid point in time");
        }
    }

    static LocalDate date(String field, boolean present, Date date) {
        if (!present) {
            throw new InvalidField(field, "required");
        }
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            throw new InvalidField(field, "not a calendar date");
        }
    }

    static AppointmentType type(String field, org.medicore.contracts.common.v1.AppointmentType type) {
        return switch (type) {
            case CONSULTATION -> AppointmentType.CONSULTATION;
            case FOLLOW_UP -> AppointmentType.FOLLOW_UP;
            case LAB_VISIT -> AppointmentType.LAB_VISIT;
            case APPOINTMENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidField(field, "an appointment type is required");
        };
    }

    /** Unspecified: the service takes the party from the caller's role. */
    static Optional<CancellingParty> party(String field, org.medicore.contracts.appointment.v1.CancellingParty party) {
        return switch (party) {
            case PATIENT -> Optional.of(CancellingParty.PATIENT);
            case PRACTITIONER -> Optional.of(CancellingParty.PRACTITIONER);
            case CLINIC -> Optional.of(CancellingParty.CLINIC);
            case SYSTEM -> Optional.of(CancellingParty.SYSTEM);
            case CANCELLING_PARTY_UNSPECIFIED -> Optional.empty();
            case UNRECOGNIZED -> throw new InvalidField(field, "must be PATIENT, PRACTITIONER, CLINIC or SYSTEM");
        };
    }

    static ZoneId zone(String field, String text) {
        try {
            return ZoneId.of(required(field, text));
        } catch (DateTimeException e) {
            throw new InvalidField(field, "unknown time zone id");
        }
    }

    static PersonName name(String field, org.medicore.contracts.common.v1.PersonName name) {
        required(field + ".given", name.getGiven());
        required(field + ".family", name.getFamily());
        return new PersonName(name.getGiven(), name.getFamily());
    }

    static WeeklySchedule schedule(List<org.medicore.contracts.appointment.v1.DaySchedule> days, List<Date> daysOff,
                                   List<SlotLength> slotLengths) {
        Map<DayOfWeek, DaySchedule> byDay = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            var day = days.get(i);
            String path = "days[" + i + "]";
            DayOfWeek dayOfWeek = switch (day.getDayOfWeek()) {
                case DAY_OF_WEEK_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidField(path + ".day_of_week", "required");
                default -> DayOfWeek.of(day.getDayOfWeekValue());
            };
            if (byDay.containsKey(dayOfWeek)) {
                throw new InvalidField(path + ".day_of_week", "each day appears at most once");
            }
            try {
                byDay.put(dayOfWeek, new DaySchedule(intervals(path + ".intervals", day.getIntervalsList()),
                        intervals(path + ".breaks", day.getBreaksList())));
            } catch (IllegalArgumentException e) {
                throw new InvalidField(path, e.getMessage());
            }
        }
        Set<LocalDate> off = daysOff.stream().map(date -> date("days_off", true, date)).collect(Collectors.toSet());
        Map<AppointmentType, Duration> lengths = new EnumMap<>(AppointmentType.class);
        slotLengths.forEach(length -> lengths.put(type("slot_lengths.appointment_type", length.getAppointmentType()),
                Duration.ofMinutes(length.getMinutes())));
        try {
            return new WeeklySchedule(byDay, off, lengths);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("slot_lengths", e.getMessage());
        }
    }

    private static List<LocalTimeInterval> intervals(String field, List<org.medicore.contracts.appointment.v1.LocalTimeInterval> intervals) {
        return intervals.stream().map(interval -> {
            try {
                return new LocalTimeInterval(LocalTime.parse(interval.getStart(), HH_MM), LocalTime.parse(interval.getEnd(), HH_MM));
            } catch (DateTimeException e) {
                throw new InvalidField(field, "times are \"HH:MM\"");
            } catch (IllegalArgumentException e) {
                throw new InvalidField(field, e.getMessage());
            }
        }).toList();
    }

    private static UUID uuid(String field, String text) {
        return Uuids.parse(required(field, text)).orElseThrow(() -> new InvalidField(field, "not a UUID"));
    }

    // ---- writing responses

    static org.medicore.contracts.appointment.v1.Appointment toProto(Appointment appointment) {
        var proto = org.medicore.contracts.appointment.v1.Appointment.newBuilder()
                .setId(appointment.id().toString())
                .setPatientId(appointment.patientId().value())
                .setPractitionerId(appointment.practitioner().id().toString())
                .setAppointmentType(toProto(appointment.type()))
                .setStatus(AppointmentStatus.valueOf(appointment.status().name()))
                .setStart(timestamp(appointment.period().start()))
                .setEnd(timestamp(appointment.period().end()))
                .setReason(appointment.reason())
                .setBookedBy(toProto(appointment.bookedBy()))
                .setVersion(appointment.version())
                .setCreatedAt(timestamp(appointment.createdAt()))
                .setUpdatedAt(timestamp(appointment.updatedAt()));
        appointment.cancellation().ifPresent(cancellation -> proto.setCancellation(Cancellation.newBuilder()
                .setCancelledBy(org.medicore.contracts.appointment.v1.CancellingParty.valueOf(cancellation.cancelledBy().name()))
                .setRecordedBy(toProto(cancellation.recordedBy()))
                .setReason(cancellation.reason())
                .setCancelledAt(timestamp(cancellation.cancelledAt()))
                .setLate(cancellation.late())));
        if (appointment.status() == org.medicore.appointment.domain.AppointmentStatus.BOOKED) {
            proto.setLateCancellationFrom(timestamp(appointment.lateCancellationFrom()));
        }
        appointment.checkedInAt().ifPresent(at -> proto.setCheckedInAt(timestamp(at)));
        appointment.completedAt().ifPresent(at -> proto.setCompletedAt(timestamp(at)));
        appointment.outsideWorkingHoursSince().ifPresent(at -> proto.setOutsideWorkingHoursSince(timestamp(at)));
        return proto.build();
    }

    static org.medicore.contracts.appointment.v1.Practitioner toProto(Practitioner practitioner) {
        return org.medicore.contracts.appointment.v1.Practitioner.newBuilder()
                .setId(practitioner.id().toString())
                .setName(org.medicore.contracts.common.v1.PersonName.newBuilder()
                        .setGiven(practitioner.name().given()).setFamily(practitioner.name().family()))
                .setSpecialty(practitioner.specialty())
                .setDepartment(practitioner.department())
                .setClinicId(practitioner.clinicId())
                .setTimeZone(practitioner.timeZone().getId())
                .setKeycloakSubject(practitioner.keycloakSubject().orElse(""))
                .setVersion(practitioner.version())
                .setCreatedAt(timestamp(practitioner.createdAt()))
                .setUpdatedAt(timestamp(practitioner.updatedAt()))
                .build();
    }

    static org.medicore.contracts.appointment.v1.WorkingHours toProto(WorkingHours hours) {
        var proto = org.medicore.contracts.appointment.v1.WorkingHours.newBuilder()
                .setPractitionerId(hours.practitionerId().toString())
                .setVersion(hours.version())
                .setUpdatedAt(timestamp(hours.updatedAt()));
        hours.schedule().days().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> proto.addDays(
                org.medicore.contracts.appointment.v1.DaySchedule.newBuilder()
                        .setDayOfWeekValue(day.getKey().getValue())
                        .addAllIntervals(day.getValue().intervals().stream().map(ProtoMapping::toProto).toList())
                        .addAllBreaks(day.getValue().breaks().stream().map(ProtoMapping::toProto).toList())));
        hours.schedule().daysOff().stream().sorted().forEach(day -> proto.addDaysOff(toProto(day)));
        hours.schedule().slotLengths().forEach((type, length) -> proto.addSlotLengths(SlotLength.newBuilder()
                .setAppointmentType(toProto(type)).setMinutes((int) length.toMinutes())));
        return proto.build();
    }

    static org.medicore.contracts.appointment.v1.Slot toProto(Slot slot) {
        return org.medicore.contracts.appointment.v1.Slot.newBuilder()
                .setPractitionerId(slot.practitionerId().toString())
                .setAppointmentType(toProto(slot.type()))
                .setStart(timestamp(slot.period().start()))
                .setEnd(timestamp(slot.period().end()))
                .build();
    }

    private static org.medicore.contracts.appointment.v1.LocalTimeInterval toProto(LocalTimeInterval interval) {
        return org.medicore.contracts.appointment.v1.LocalTimeInterval.newBuilder()
                .setStart(interval.start().format(HH_MM)).setEnd(interval.end().format(HH_MM)).build();
    }

    private static Date toProto(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    private static org.medicore.contracts.common.v1.Actor toProto(Actor actor) {
        return org.medicore.contracts.common.v1.Actor.newBuilder()
                .setSubject(actor.subject()).setRole(Role.valueOf(actor.role().name())).build();
    }

    private static org.medicore.contracts.common.v1.AppointmentType toProto(AppointmentType type) {
        return org.medicore.contracts.common.v1.AppointmentType.valueOf(type.name());
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
