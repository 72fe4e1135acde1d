package org.medicore.appointment.adapter.out.jooq;

import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medicore.appointment.adapter.out.jooq.generated.tables.records.PractitionerRecord;
import org.medicore.appointment.application.port.in.ManagePractitioners.Filter;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.appointment.application.port.out.LoadPractitioner;
import org.medicore.appointment.application.port.out.SavePractitioner;
import org.medicore.appointment.domain.PersonName;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.PractitionerId;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.medicore.appointment.adapter.out.jooq.JooqAppointments.utc;
import static org.medicore.appointment.adapter.out.jooq.generated.Tables.PRACTITIONER;

/** Practitioners; their weekly hours are {@link JooqWorkingHours}. */
final class JooqPractitioners implements LoadPractitioner, SavePractitioner {

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

    private static Practitioner toPractitioner(PractitionerRecord row) {
        return new Practitioner(new PractitionerId(row.getId()), new PersonName(row.getGivenName(), row.getFamilyName()),
                row.getSpecialty(), row.getDepartment(), row.getClinicId(), ZoneId.of(row.getTimeZone()),
                Optional.ofNullable(row.getKeycloakSubject()), row.getVersion(),
                row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }
}
