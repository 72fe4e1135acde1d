package org.medicore.appointment.adapter.out.jooq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jooq.DSLContext;
import org.medicore.appointment.adapter.out.jooq.generated.tables.records.WorkingIntervalRecord;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.SaveWorkingHours;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.stream.Collectors.groupingBy;
import static org.medicore.appointment.adapter.out.jooq.JooqAppointments.utc;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.DAY_OFF;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.PRACTITIONER;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.SLOT_LENGTH;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.WORKING_HOURS;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.WORKING_INTERVAL;

/**
 * A practitioner's weekly hours: one row with the version, and a row per interval, day off and
 * slot length. Every booking and every slot search reads them, so the schedule is remembered per
 * practitioner together with its version, and a read asks the database for the version only: one
 * round trip instead of four while the hours stay as they are. Each change raises the version
 * under a lock on the practitioner's row, so a version names exactly one schedule, and a change
 * made by another instance is seen at the next read.
 */
final class JooqWorkingHours implements LoadWorkingHours, SaveWorkingHours {

    private static final String WORK = "WORK";
    private static final String BREAK = "BREAK";
    private static final int REMEMBERED_PRACTITIONERS = 10_000;

    private final DSLContext dsl;
    private final Cache<UUID, WorkingHours> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED_PRACTITIONERS).build();

    JooqWorkingHours(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<WorkingHours> workingHours(PractitionerId practitioner) {
        UUID id = practitioner.value();
        return dsl.select(WORKING_HOURS.VERSION, WORKING_HOURS.UPDATED_AT).from(WORKING_HOURS)
                .where(WORKING_HOURS.PRACTITIONER_ID.eq(id)).fetchOptional()
                .map(row -> {
                    WorkingHours known = remembered.getIfPresent(id);
                    if (known != null && known.version() == row.value1()) {
                        return known;
                    }
                    WorkingHours loaded = new WorkingHours(practitioner, schedule(id), row.value1(), row.value2().toInstant());
                    remembered.put(id, loaded);
                    return loaded;
                });
    }

    @Override
    public Optional<WorkingHours> workingHoursForChange(PractitionerId practitioner) {
        dsl.selectOne().from(PRACTITIONER).where(PRACTITIONER.ID.eq(practitioner.value())).forNoKeyUpdate().execute();
        return workingHours(practitioner);
    }

    @Override
    public void save(WorkingHours hours) {
        var id = hours.practitionerId().value();
        dsl.insertInto(WORKING_HOURS)
                .set(WORKING_HOURS.PRACTITIONER_ID, id)
                .set(WORKING_HOURS.VERSION, hours.version())
                .set(WORKING_HOURS.UPDATED_AT, utc(hours.updatedAt()))
                .onConflict(WORKING_HOURS.PRACTITIONER_ID).doUpdate()
                .set(WORKING_HOURS.VERSION, hours.version())
                .set(WORKING_HOURS.UPDATED_AT, utc(hours.updatedAt()))
                .execute();
        dsl.deleteFrom(WORKING_INTERVAL).where(WORKING_INTERVAL.PRACTITIONER_ID.eq(id)).execute();
        dsl.deleteFrom(DAY_OFF).where(DAY_OFF.PRACTITIONER_ID.eq(id)).execute();
        dsl.deleteFrom(SLOT_LENGTH).where(SLOT_LENGTH.PRACTITIONER_ID.eq(id)).execute();
        WeeklySchedule schedule = hours.schedule();
        schedule.days().forEach((day, daySchedule) -> {
            daySchedule.intervals().forEach(interval -> insertInterval(id, day, WORK, interval));
            daySchedule.breaks().forEach(pause -> insertInterval(id, day, BREAK, pause));
        });
        schedule.daysOff().forEach(day -> dsl.insertInto(DAY_OFF)
                .set(DAY_OFF.PRACTITIONER_ID, id).set(DAY_OFF.DAY, day).execute());
        schedule.slotLengths().forEach((type, length) -> dsl.insertInto(SLOT_LENGTH)
                .set(SLOT_LENGTH.PRACTITIONER_ID, id)
                .set(SLOT_LENGTH.APPOINTMENT_TYPE, type.name())
                .set(SLOT_LENGTH.MINUTES, (int) length.toMinutes())
                .execute());
    }

    /** The weekly pattern in the practitioner's rows of intervals, days off and slot lengths. */
    private WeeklySchedule schedule(UUID id) {
        Map<DayOfWeek, DaySchedule> days = new EnumMap<>(DayOfWeek.class);
        dsl.selectFrom(WORKING_INTERVAL).where(WORKING_INTERVAL.PRACTITIONER_ID.eq(id)).fetch().stream()
                .collect(groupingBy(row -> DayOfWeek.of(row.getDayOfWeek())))
                .forEach((day, rows) -> days.put(day, new DaySchedule(intervals(rows, WORK), intervals(rows, BREAK))));
        var daysOff = new HashSet<>(dsl.select(DAY_OFF.DAY).from(DAY_OFF).where(DAY_OFF.PRACTITIONER_ID.eq(id)).fetch(DAY_OFF.DAY));
        Map<AppointmentType, Duration> slotLengths = new EnumMap<>(AppointmentType.class);
        dsl.selectFrom(SLOT_LENGTH).where(SLOT_LENGTH.PRACTITIONER_ID.eq(id)).forEach(row ->
                slotLengths.put(AppointmentType.valueOf(row.getAppointmentType()), Duration.ofMinutes(row.getMinutes())));
        return new WeeklySchedule(days, daysOff, slotLengths);
    }

    private void insertInterval(UUID id, DayOfWeek day, String kind, LocalTimeInterval interval) {
        dsl.insertInto(WORKING_INTERVAL)
                .set(WORKING_INTERVAL.PRACTITIONER_ID, id)
                .set(WORKING_INTERVAL.DAY_OF_WEEK, day.getValue())
                .set(WORKING_INTERVAL.KIND, kind)
                .set(WORKING_INTERVAL.START_TIME, interval.start())
                .set(WORKING_INTERVAL.END_TIME, interval.end())
                .execute();
    }

    private static List<LocalTimeInterval> intervals(List<WorkingIntervalRecord> rows, String kind) {
        return rows.stream().filter(row -> row.getKind().equals(kind))
                .map(row -> new LocalTimeInterval(row.getStartTime(), row.getEndTime())).toList();
    }
}
