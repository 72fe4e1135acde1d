package org.medicore.billing.adapter.out.jooq;

import org.jooq.DSLContext;
import org.medicore.billing.adapter.out.jooq.generated.tables.records.FeeScheduleRecord;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.SaveFeeSchedule;
import org.medicore.billing.domain.Actor;
import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.AppointmentType;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.Money;
import org.medicore.billing.domain.Role;
import org.medicore.billing.domain.TaxRate;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.medicore.support.postgres.TimestampColumns.column;
import static org.medicore.support.postgres.TimestampColumns.value;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.APPOINTMENT_FEE;
import static org.medicore.billing.adapter.out.jooq.generated.Tables.FEE_SCHEDULE;

/** The single-row fee schedule and its fees per appointment type. */
final class JooqFeeSchedule implements LoadFeeSchedule, SaveFeeSchedule {

    private final DSLContext db;

    JooqFeeSchedule(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<FeeSchedule> current() {
        return db.selectFrom(FEE_SCHEDULE).fetchOptional().map(this::schedule);
    }

    @Override
    public Optional<FeeSchedule> currentForChange() {
        return db.selectFrom(FEE_SCHEDULE).forUpdate().fetchOptional().map(this::schedule);
    }

    private FeeSchedule schedule(FeeScheduleRecord row) {
        Currency currency = Currency.getInstance(row.getCurrency());
        Map<AppointmentType, AppointmentFee> fees = db.selectFrom(APPOINTMENT_FEE).fetch().stream()
                .map(fee -> new AppointmentFee(AppointmentType.valueOf(fee.getAppointmentType()),
                        new Money(fee.getFeeMinor(), currency),
                        new Money(fee.getLateCancellationFeeMinor(), currency),
                        new Money(fee.getNoShowFeeMinor(), currency)))
                .collect(Collectors.toMap(AppointmentFee::type, Function.identity()));
        return new FeeSchedule(currency, fees, new TaxRate(row.getTaxRateBasisPoints()), row.getVersion(),
                value(row.getUpdatedAt()), new Actor(row.getUpdatedBySubject(), Role.valueOf(row.getUpdatedByRole())));
    }

    @Override
    public void save(FeeSchedule schedule) {
        db.update(FEE_SCHEDULE)
                .set(FEE_SCHEDULE.TAX_RATE_BASIS_POINTS, schedule.taxRate().basisPoints())
                .set(FEE_SCHEDULE.VERSION, schedule.version())
                .set(FEE_SCHEDULE.UPDATED_AT, column(schedule.updatedAt()))
                .set(FEE_SCHEDULE.UPDATED_BY_SUBJECT, schedule.updatedBy().subject())
                .set(FEE_SCHEDULE.UPDATED_BY_ROLE, schedule.updatedBy().role().name())
                .execute();
        db.deleteFrom(APPOINTMENT_FEE).execute();
        var insert = db.insertInto(APPOINTMENT_FEE, APPOINTMENT_FEE.APPOINTMENT_TYPE, APPOINTMENT_FEE.FEE_MINOR,
                APPOINTMENT_FEE.LATE_CANCELLATION_FEE_MINOR, APPOINTMENT_FEE.NO_SHOW_FEE_MINOR);
        for (AppointmentFee fee : schedule.feesInOrder()) {
            insert = insert.values(fee.type().name(), fee.fee().amountMinor(), fee.lateCancellationFee().amountMinor(),
                    fee.noShowFee().amountMinor());
        }
        insert.execute();
    }
}
