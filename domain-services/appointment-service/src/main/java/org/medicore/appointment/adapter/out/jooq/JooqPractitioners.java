package org.medicore.appointment.adapter.out.jooq;

import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medicore.appointment.adapter.out.jooq.generated.tables.records.PractitionerRecord;
import org.medicore.appointment.adapter.out.jooq.generated.tables.records.WorkingIntervalRecord;
import org.medicore.appointment.application.port.in.ManagePractitioners.Filter;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.LoadWorkingHours;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.application.port.out.SaveWorkingHours;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.stream.Collectors.groupingBy;
import static org.medicore.appointment.adapter.out.jooq.JooqAppointments.utc;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.DAY_OFF;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.PRACTITIONER;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.SLOT_LENGTH;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.WORKING_HOURS;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.WORKING_INTERVAL;

/** Practitioners and their weekly hours (one row per interval, day off and slot length). */
final class JooqPractitioners implements LoadPractitioner, SavePractitioner, LoadWorkingHours, SaveWorkingHours {

    private static final String WORK = "WORK";
    private static final String BREAK = "BREAK";

    private final DSLContext dsl;

    JooqPractitioners(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Practitioner> practitioner(PractitionerId id) {
        return dsl.selectFrom(PRACTITIONER).where(PRACTITIONER.ID.eq(id.value())).fetchOptional(JooqPractitioners::toPractitioner);
    }

    @Override
    public List<Practitioner> practitioners(Collection<PractitionerId> ids) {
        return dsl.selectFrom(PRACTITIONER).where(PRACTITIONER.ID.in(ids.stream().map(PractitionerId::value).toList()))
                .fetch(JooqPractitioners::toPractitioner);
    }

    @Override
    public Page<Practitioner> practitioners(Filter filter, Page.Request page) {
        Condition matching = DSL.and(Stream.of(
                        filter.department().map(PRACTITIONER.DEPARTMENT::eq),
                        filter.specialty().map(PRACTITIONER.SPECIALTY::eq),
                        filter.clinicId().map(PRACTITIONER.CLINIC_ID::eq))
                .flatMap(Optional::stream).toList());
        long total = dsl.fetchCount(PRACTITIONER, matching);
        List<Practitioner> items = dsl.selectFrom(PRACTITIONER).where(matching)
                .orderBy(PRACTITIONER.FAMILY_NAME, PRACTITIONER.GIVEN_NAME, PRACTITIONER.ID)
                .limit(page.size()).offset(page.offset())
                .fetch(JooqPractitioners::toPractitioner);
        return Page.of(items, page, total);
    }

    @Override
    public boolean create(Practitioner practitioner) {
        return dsl.insertInto(PRACTITIONER)
                .set(PRACTITIONER.ID, practitioner.id().value())
                .set(PRACTITIONER.GIVEN_NAME, practitioner.name().given())
                .set(PRACTITIONER.FAMILY_NAME, practitioner.name().family())
                .set(PRACTITIONER.SPECIALTY, practitioner.specialty())
                .set(PRACTITIONER.DEPARTMENT, practitioner.department())
                .set(PRACTITIONER.CLINIC_ID, practitioner.clinicId())
                .set(PRACTITIONER.TIME_ZONE, practitioner.timeZone().getId())
                .set(PRACTITIONER.KEYCLOAK_SUBJECT, practitioner.keycloakSubject().orElse(null))
                .set(PRACTITIONER.VERSION, practitioner.version())
                .set(PRACTITIONER.CREATED_AT, utc(practitioner.createdAt()))
                .set(PRACTITIONER.UPDATED_AT, utc(practitioner.updatedAt()))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<WorkingHours> workingHours(PractitionerId practitioner) {
        var id = practitioner.value();
        return dsl.selectFrom(WORKING_HOURS).where(WORKING_HOURS.PRACTITIONER_ID.eq(id)).fetchOptional().map(hours -> {
            Map<DayOfWeek, DaySchedule> days = new EnumMap<>(DayOfWeek.class);
            dsl.selectFrom(WORKING_INTERVAL).where(WORKING_INTERVAL.PRACTITIONER_ID.eq(id)).fetch().stream()
                    .collect(groupingBy(row -> DayOfWeek.of(row.getDayOfWeek())))
                    .forEach((day, rows) -> days.put(day, new DaySchedule(intervals(rows, WORK), intervals(rows, BREAK))));
            var daysOff = new HashSet<>(dsl.select(DAY_OFF.DAY).from(DAY_OFF).where(DAY_OFF.PRACTITIONER_ID.eq(id)).fetch(DAY_OFF.DAY));
            Map<AppointmentType, Duration> slotLengths = new EnumMap<>(AppointmentType.class);
            dsl.selectFrom(SLOT_LENGTH).where(SLOT_LENGTH.PRACTITIONER_ID.eq(id)).forEach(row ->
                    slotLengths.put(AppointmentType.valueOf(row.getAppointmentType()), Duration.ofMinutes(row.getMinutes())));
            return new WorkingHours(practitioner, new WeeklySchedule(days, daysOff, slotLengths),
                    hours.getVersion(), hours.getUpdatedAt().toInstant());
        });
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

    private void insertInterval(java.util.UUID id, DayOfWeek day, String kind, LocalTimeInterval interval) {
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

    private static Practitioner toPractitioner(PractitionerRecord row) {
        return new Practitioner(new PractitionerId(row.getId()), new PersonName(row.getGivenName(), row.getFamilyName()),
                row.getSpecialty(), row.getDepartment(), row.getClinicId(), ZoneId.of(row.getTimeZone()),
                Optional.ofNullable(row.getKeycloakSubject()), row.getVersion(),
                row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }
}
