package org.medicore.appointment.adapter.out.jooq;

import java.util.stream.Collectors;
import java.util.UUID;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.Collection;
import org.jooq.impl.DSL;
import org.jooq.Table;
import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.in.ViewAppointments.TimeFilter;
import org.medicore.appointment.application.port.out.LoadAppointments;
import org.medicore.appointment.application.port.out.RememberBookingRequests;
import org.medicore.appointment.application.port.out.SaveAppointment;
import org.medicore.appointment.domain.Actor;
import org.medicore.appointment.domain.Appointment;
import org.medicore.appointment.domain.AppointmentId;
import org.medicore.appointment.domain.AppointmentStatus;
import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.Cancellation;
import org.medicore.appointment.domain.CancellingParty;
import org.medicore.appointment.domain.PatientId;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.PractitionerRef;
import org.medicore.appointment.domain.Role;
import org.medicore.appointment.domain.TimeRange;
import org.medicore.appointment.adapter.out.jooq.generated.tables.records.AppointmentRecord;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.APPOINTMENT;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.BOOKING_REQUEST;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.PRACTITIONER;

/**
 * Appointments in PostgreSQL. Overlaps are refused by the exclusion constraints of the
 * schema; each write runs in a savepoint so a refused write leaves the transaction usable.
 */
final class JooqAppointments implements LoadAppointments, SaveAppointment, RememberBookingRequests {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final List<String> ACTIVE = List.of(AppointmentStatus.BOOKED.name(), AppointmentStatus.CHECKED_IN.name());

    private final DSLContext dsl;

    JooqAppointments(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Appointment> appointment(AppointmentId id) {
        return selectWithPractitioner().where(APPOINTMENT.ID.eq(id.value())).fetchOptional(JooqAppointments::toAppointment);
    }

    @Override
    public Optional<Appointment> appointmentForChange(AppointmentId id) {
        return selectWithPractitioner().where(APPOINTMENT.ID.eq(id.value())).forUpdate().of(APPOINTMENT)
                .fetchOptional(JooqAppointments::toAppointment);
    }

    @Override
    public List<Appointment> ofPatientForChange(PatientId patient) {
        return selectWithPractitioner().where(APPOINTMENT.PATIENT_ID.eq(patient.value()))
                .orderBy(APPOINTMENT.ID).forUpdate().of(APPOINTMENT)
                .fetch(JooqAppointments::toAppointment);
    }

    @Override
    public List<Appointment> ofPractitioner(PractitionerId practitioner, TimeRange range, boolean includeCancelled) {
        Condition status = includeCancelled ? APPOINTMENT.STATUS.isNotNull() : APPOINTMENT.STATUS.ne(AppointmentStatus.CANCELLED.name());
        return selectWithPractitioner()
                .where(APPOINTMENT.PRACTITIONER_ID.eq(practitioner.value()))
                .and(start().ge(utc(range.start()))).and(start().lt(utc(range.end())))
                .and(status)
                .orderBy(start())
                .fetch(JooqAppointments::toAppointment);
    }

    @Override
    public List<TimeRange> takenPeriods(PractitionerId practitioner, TimeRange range) {
        return dsl.select(APPOINTMENT.PERIOD).from(APPOINTMENT)
                .where(APPOINTMENT.PRACTITIONER_ID.eq(practitioner.value()))
                .and(APPOINTMENT.STATUS.in(ACTIVE))
                .and(field("{0} && {1}", Boolean.class, APPOINTMENT.PERIOD, inline(range, APPOINTMENT.PERIOD)))
                .fetch(APPOINTMENT.PERIOD);
    }

    @Override
    public Page<Appointment> ofPatient(PatientId patient, TimeFilter filter, Instant now, Page.Request page) {
        Condition condition = APPOINTMENT.PATIENT_ID.eq(patient.value()).and(timeFilter(filter, now));
        long total = dsl.fetchCount(APPOINTMENT, condition);
        List<Appointment> items = selectWithPractitioner().where(condition)
                .orderBy(order(filter), APPOINTMENT.ID)
                .limit(page.size()).offset(page.offset())
                .fetch(JooqAppointments::toAppointment);
        return Page.of(items, page, total);
    }

    @Override
    public List<Appointment> appointments(Collection<AppointmentId> ids) {
        return selectWithPractitioner().where(APPOINTMENT.ID.in(ids.stream().map(AppointmentId::value).toList()))
                .fetch(JooqAppointments::toAppointment);
    }

    /**
     * Ranks each patient's appointments with row_number() and keeps the first {@code limit}, so the
     * work stays one query however many patients are asked for.
     */
    @Override
    public Map<PatientId, List<Appointment>> firstOfPatients(Collection<PatientId> patients, TimeFilter filter, Instant now,
                                                             int limit, Optional<String> practitionerAccount) {
        Condition condition = APPOINTMENT.PATIENT_ID.in(patients.stream().map(PatientId::value).toList())
                .and(timeFilter(filter, now))
                .and(practitionerAccount.map(PRACTITIONER.KEYCLOAK_SUBJECT::eq).orElse(DSL.noCondition()));
        Field<Integer> position = DSL.rowNumber().over(DSL.partitionBy(APPOINTMENT.PATIENT_ID)
                .orderBy(order(filter), APPOINTMENT.ID.asc())).as("position");
        Table<?> ranked = dsl.select(APPOINTMENT.ID, position).from(APPOINTMENT)
                .join(PRACTITIONER).on(PRACTITIONER.ID.eq(APPOINTMENT.PRACTITIONER_ID))
                .where(condition).asTable("ranked");
        Map<UUID, Integer> positions = dsl.select(ranked.field(APPOINTMENT.ID), ranked.field(position)).from(ranked)
                .where(ranked.field(position).le(limit))
                .fetchMap(r -> r.value1(), r -> r.value2());
        if (positions.isEmpty()) {
            return Map.of();
        }
        return selectWithPractitioner().where(APPOINTMENT.ID.in(positions.keySet()))
                .fetch(JooqAppointments::toAppointment).stream()
                .sorted(Comparator.comparing(appointment -> positions.get(appointment.id().value())))
                .collect(Collectors.groupingBy(Appointment::patientId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public SlotClaim insert(Appointment appointment) {
        return claiming(appointment, () -> {
            AppointmentRecord row = dsl.newRecord(APPOINTMENT);
            write(appointment, row);
            row.insert();
        });
    }

    @Override
    public SlotClaim update(Appointment appointment) {
        return claiming(appointment, () -> {
            AppointmentRecord row = dsl.newRecord(APPOINTMENT);
            write(appointment, row);
            int updated = dsl.update(APPOINTMENT).set(row)
                    .where(APPOINTMENT.ID.eq(appointment.id().value()))
                    .and(APPOINTMENT.VERSION.eq(appointment.version() - 1))
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("appointment " + appointment.id() + " changed concurrently");
            }
        });
    }

    @Override
    public Optional<BookingRequest> bookingRequest(String callerSubject, String idempotencyKey) {
        return dsl.selectFrom(BOOKING_REQUEST)
                .where(BOOKING_REQUEST.CALLER_SUBJECT.eq(callerSubject)).and(BOOKING_REQUEST.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(row -> new BookingRequest(row.getFingerprint(), new AppointmentId(row.getAppointmentId())));
    }

    @Override
    public boolean remember(String callerSubject, String idempotencyKey, BookingRequest request, Instant at) {
        return dsl.insertInto(BOOKING_REQUEST)
                .set(BOOKING_REQUEST.CALLER_SUBJECT, callerSubject)
                .set(BOOKING_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                .set(BOOKING_REQUEST.FINGERPRINT, request.fingerprint())
                .set(BOOKING_REQUEST.APPOINTMENT_ID, request.appointmentId().value())
                .set(BOOKING_REQUEST.CREATED_AT, utc(at))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Writes that take the same slot queue first, until their transaction ends: racing bookings of
     * one slot otherwise each insert, then wait for the other's exclusion check, and PostgreSQL
     * aborts one as a deadlock (fifty racers made dozens, and a transaction could lose six times in
     * a row). Queued, the first commits and the rest meet its row as a plain conflict. The queue is
     * the practitioner's slot start, not the practitioner: bookings of different slots do not wait
     * for each other (a queue per practitioner held a busy practitioner to one booking at a time).
     * Overlapping slots with different starts are rare (grids of different slot lengths); their
     * occasional deadlock is retried by the transaction.
     */
    private SlotClaim claiming(Appointment appointment, Runnable write) {
        UUID practitioner = appointment.practitioner().id().value();
        long slotStart = appointment.period().start().getEpochSecond();
        dsl.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(
                practitioner.getMostSignificantBits() ^ practitioner.getLeastSignificantBits() ^ slotStart * 0x9E3779B97F4A7C15L)))
                .fetch();
        try {
            dsl.transaction(savepoint -> write.run());
            return SlotClaim.SAVED;
        } catch (RuntimeException e) {
            return violatedExclusion(e).map(constraint -> constraint.contains("patient")
                    ? SlotClaim.PATIENT_DOUBLE_BOOKED : SlotClaim.SLOT_TAKEN).orElseThrow(() -> e);
        }
    }

    /** The name of the exclusion constraint the failure reports, if it is one. */
    private static Optional<String> violatedExclusion(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException psql && EXCLUSION_VIOLATION.equals(psql.getSQLState())) {
                return Optional.ofNullable(psql.getServerErrorMessage()).map(message -> message.getConstraint())
                        .or(() -> Optional.of(""));
            }
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    private org.jooq.SelectJoinStep<Record> selectWithPractitioner() {
        return dsl.select(APPOINTMENT.fields()).select(PRACTITIONER.DEPARTMENT, PRACTITIONER.CLINIC_ID,
                        PRACTITIONER.TIME_ZONE, PRACTITIONER.KEYCLOAK_SUBJECT)
                .from(APPOINTMENT).join(PRACTITIONER).on(PRACTITIONER.ID.eq(APPOINTMENT.PRACTITIONER_ID));
    }

    private static Condition timeFilter(TimeFilter filter, Instant now) {
        Condition upcoming = start().gt(utc(now)).and(APPOINTMENT.STATUS.in(ACTIVE));
        return switch (filter) {
            case UPCOMING -> upcoming;
            case PAST -> upcoming.not();
            case ALL -> DSL.noCondition();
        };
    }

    private static SortField<OffsetDateTime> order(TimeFilter filter) {
        return filter == TimeFilter.UPCOMING ? start().asc() : start().desc();
    }

    private static org.jooq.Field<OffsetDateTime> start() {
        return field("lower({0})", OffsetDateTime.class, APPOINTMENT.PERIOD);
    }

    private static void write(Appointment appointment, AppointmentRecord row) {
        row.setId(appointment.id().value());
        row.setPatientId(appointment.patientId().value());
        row.setPractitionerId(appointment.practitioner().id().value());
        row.setAppointmentType(appointment.type().name());
        row.setStatus(appointment.status().name());
        row.setPeriod(appointment.period());
        row.setReason(appointment.reason());
        row.setBookedBySubject(appointment.bookedBy().subject());
        row.setBookedByRole(appointment.bookedBy().role().name());
        appointment.cancellation().ifPresent(cancellation -> {
            row.setCancelledBy(cancellation.cancelledBy().name());
            row.setCancelRecordedBySubject(cancellation.recordedBy().subject());
            row.setCancelRecordedByRole(cancellation.recordedBy().role().name());
            row.setCancelReason(cancellation.reason());
            row.setCancelledAt(utc(cancellation.cancelledAt()));
            row.setCancelLate(cancellation.late());
        });
        row.setCheckedInAt(appointment.checkedInAt().map(JooqAppointments::utc).orElse(null));
        row.setCompletedAt(appointment.completedAt().map(JooqAppointments::utc).orElse(null));
        row.setOutsideWorkingHoursSince(appointment.outsideWorkingHoursSince().map(JooqAppointments::utc).orElse(null));
        row.setVersion(appointment.version());
        row.setCreatedAt(utc(appointment.createdAt()));
        row.setUpdatedAt(utc(appointment.updatedAt()));
    }

    private static Appointment toAppointment(Record record) {
        AppointmentRecord row = record.into(APPOINTMENT);
        var practitioner = new PractitionerRef(new PractitionerId(row.getPractitionerId()),
                record.get(PRACTITIONER.DEPARTMENT), record.get(PRACTITIONER.CLINIC_ID),
                ZoneId.of(record.get(PRACTITIONER.TIME_ZONE)), Optional.ofNullable(record.get(PRACTITIONER.KEYCLOAK_SUBJECT)));
        Optional<Cancellation> cancellation = Optional.ofNullable(row.getCancelledBy()).map(party -> new Cancellation(
                CancellingParty.valueOf(party),
                new Actor(row.getCancelRecordedBySubject(), Role.valueOf(row.getCancelRecordedByRole())),
                row.getCancelReason(), row.getCancelledAt().toInstant(), Boolean.TRUE.equals(row.getCancelLate())));
        return new Appointment(new AppointmentId(row.getId()), new PatientId(row.getPatientId()), practitioner,
                AppointmentType.valueOf(row.getAppointmentType()), AppointmentStatus.valueOf(row.getStatus()),
                row.getPeriod(), row.getReason(), new Actor(row.getBookedBySubject(), Role.valueOf(row.getBookedByRole())),
                cancellation, Optional.ofNullable(row.getCheckedInAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getCompletedAt()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getOutsideWorkingHoursSince()).map(OffsetDateTime::toInstant),
                row.getVersion(), row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
