package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.support.grpc.RequestFields;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Proto to domain for one AppointmentService request: the shared fields as every service reads
 * them, plus dates, appointment types, the cancelling party, zones, names and working hours, each
 * malformed one collected as a violation and read as null.
 */
final class RequestReader extends RequestFields {

    RequestReader(Message request) {
        super(request);
    }

    private static final String REQUIRED = "is required";

    AppointmentId appointmentId(String value, String field) {
        UUID id = uuid(value, field);
        return id == null ? null : new AppointmentId(id);
    }

    List<AppointmentId> appointmentIds(List<String> values, String field) {
        return batch(values, field, this::appointmentId);
    }

    PractitionerId practitionerId(String value, String field) {
        UUID id = uuid(value, field);
        return id == null ? null : new PractitionerId(id);
    }

    List<PractitionerId> practitionerIds(List<String> values, String field) {
        return batch(values, field, this::practitionerId);
    }

    /** A patient is their account's subject, so any text but a blank one names a patient. */
    PatientId patientId(String value, String field) {
        return required(value, field).isBlank() ? null : new PatientId(value);
    }

    List<PatientId> patientIds(List<String> values, String field) {
        return batch(values, field, this::patientId);
    }

    Instant requiredInstant(boolean present, Timestamp timestamp, String field) {
        return present ? instant(true, timestamp, field).orElse(null) : absent(field);
    }

    LocalDate date(boolean present, Date date, String field) {
        if (!present) {
            return absent(field);
        }
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            refuse(field, "must be a calendar date");
            return null;
        }
    }

    AppointmentType type(org.medicore.contracts.common.v1.AppointmentType type, String field) {
        return switch (type) {
            case CONSULTATION -> AppointmentType.CONSULTATION;
            case FOLLOW_UP -> AppointmentType.FOLLOW_UP;
            case LAB_VISIT -> AppointmentType.LAB_VISIT;
            case APPOINTMENT_TYPE_UNSPECIFIED, UNRECOGNIZED -> {
                refuse(field, "must be CONSULTATION, FOLLOW_UP or LAB_VISIT");
                yield null;
            }
        };
    }

    /** Unspecified: the service takes the party from the caller's role. */
    Optional<CancellingParty> party(org.medicore.contracts.appointment.v1.CancellingParty party, String field) {
        return switch (party) {
            case PATIENT -> Optional.of(CancellingParty.PATIENT);
            case PRACTITIONER -> Optional.of(CancellingParty.PRACTITIONER);
            case CLINIC -> Optional.of(CancellingParty.CLINIC);
            case SYSTEM -> Optional.of(CancellingParty.SYSTEM);
            case CANCELLING_PARTY_UNSPECIFIED -> Optional.empty();
            case UNRECOGNIZED -> {
                refuse(field, "must be PATIENT, PRACTITIONER, CLINIC or SYSTEM");
                yield Optional.empty();
            }
        };
    }

    ZoneId zone(String value, String field) {
        if (required(value, field).isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            refuse(field, "must be an IANA time zone id");
            return null;
        }
    }

    PersonName name(org.medicore.contracts.common.v1.PersonName name, String field) {
        String given = required(name.getGiven(), field + ".given");
        String family = required(name.getFamily(), field + ".family");
        return given.isBlank() || family.isBlank() ? null : new PersonName(given, family);
    }

    /**
     * The week's hours, each day, interval, day off and slot length under its own path. Whether
     * every appointment type has a slot length is a rule of the whole schedule: it is asked only
     * once every part of the request could be read.
     */
    WeeklySchedule schedule(List<org.medicore.contracts.appointment.v1.DaySchedule> days, List<Date> daysOff,
                            List<SlotLength> slotLengths) {
        Map<DayOfWeek, DaySchedule> byDay = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            String path = "days[%d]".formatted(i);
            DayOfWeek dayOfWeek = dayOfWeek(days.get(i).getDayOfWeek(), path + ".day_of_week");
            DaySchedule day = day(days.get(i), path);
            if (dayOfWeek != null && byDay.containsKey(dayOfWeek)) {
                refuse(path + ".day_of_week", "each day appears at most once");
            } else if (dayOfWeek != null && day != null) {
                byDay.put(dayOfWeek, day);
            }
        }
        Set<LocalDate> off = new HashSet<>();
        for (int i = 0; i < daysOff.size(); i++) {
            LocalDate day = date(true, daysOff.get(i), "days_off[%d]".formatted(i));
            if (day != null) {
                off.add(day);
            }
        }
        Map<AppointmentType, Duration> lengths = new EnumMap<>(AppointmentType.class);
        for (int i = 0; i < slotLengths.size(); i++) {
            String path = "slot_lengths[%d]".formatted(i);
            AppointmentType type = type(slotLengths.get(i).getAppointmentType(), path + ".appointment_type");
            Duration length = Duration.ofMinutes(slotLengths.get(i).getMinutes());
            if (!WeeklySchedule.isAllowedSlotLength(length)) {
                refuse(path + ".minutes", "must be 5 to 240 minutes");
            } else if (type != null) {
                lengths.put(type, length);
            }
        }
        if (!isValid()) {
            return null;
        }
        try {
            return new WeeklySchedule(byDay, off, lengths);
        } catch (IllegalArgumentException missingType) {
            refuse("slot_lengths", "must give a length for each appointment type");
            return null;
        }
    }

    private DayOfWeek dayOfWeek(com.google.type.DayOfWeek day, String field) {
        return switch (day) {
            case DAY_OF_WEEK_UNSPECIFIED, UNRECOGNIZED -> {
                refuse(field, "must be a day of the week, MONDAY to SUNDAY");
                yield null;
            }
            default -> DayOfWeek.of(day.getNumber());
        };
    }

    /** A day's intervals and breaks; whether they fit together is asked once each of them could be read. */
    private DaySchedule day(org.medicore.contracts.appointment.v1.DaySchedule day, String path) {
        List<LocalTimeInterval> intervals = intervals(day.getIntervalsList(), path + ".intervals");
        List<LocalTimeInterval> breaks = intervals(day.getBreaksList(), path + ".breaks");
        if (intervals.size() < day.getIntervalsCount() || breaks.size() < day.getBreaksCount()) {
            return null;
        }
        // the intervals are asked alone first, so the violation names the part that is wrong
        try {
            new DaySchedule(intervals, List.of());
        } catch (IllegalArgumentException overlap) {
            refuse(path + ".intervals", "must not overlap");
            return null;
        }
        try {
            return new DaySchedule(intervals, breaks);
        } catch (IllegalArgumentException outside) {
            refuse(path + ".breaks", "must lie within the working intervals");
            return null;
        }
    }

    /** The intervals that could be read; a malformed one is named with its index and left out. */
    private List<LocalTimeInterval> intervals(List<org.medicore.contracts.appointment.v1.LocalTimeInterval> intervals,
                                              String field) {
        List<LocalTimeInterval> read = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            String path = "%s[%d]".formatted(field, i);
            LocalTime start = timeOfDay(intervals.get(i).getStart(), path + ".start");
            LocalTime end = timeOfDay(intervals.get(i).getEnd(), path + ".end");
            if (start == null || end == null) {
                continue;
            }
            try {
                read.add(new LocalTimeInterval(start, end));
            } catch (IllegalArgumentException endsFirst) {
                refuse(path + ".end", "must be after start");
            }
        }
        return read;
    }

    private <T> T absent(String field) {
        refuse(field, REQUIRED);
        return null;
    }
}
