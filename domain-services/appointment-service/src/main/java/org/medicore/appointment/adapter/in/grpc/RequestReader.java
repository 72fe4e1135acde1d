package org.medicore.appointment.adapter.in.grpc;

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

/** Proto to domain for the AppointmentService's requests; a field that cannot be read throws {@link InvalidField}. */
final class RequestReader {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private RequestReader() {
    }

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
}
