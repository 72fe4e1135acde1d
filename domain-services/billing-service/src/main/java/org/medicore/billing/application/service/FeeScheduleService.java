package org.medicore.billing.application.service;

import org.medicore.billing.application.port.in.ManageFeeSchedule;
import org.medicore.billing.application.port.out.LoadFeeSchedule;
import org.medicore.billing.application.port.out.SaveFeeSchedule;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.Transactions;
import org.medicore.billing.domain.BillingAccess;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.billing.domain.ScheduleChange;

import java.time.Clock;
import java.util.Optional;

/** Replaces the fee schedule; invoices issued afterwards use the new prices. */
public final class FeeScheduleService implements ManageFeeSchedule {

    private final Transactions transactions;
    private final LoadFeeSchedule load;
    private final SaveFeeSchedule save;
    private final Clock clock;

    public FeeScheduleService(Transactions transactions, LoadFeeSchedule load, SaveFeeSchedule save, Clock clock) {
        this.transactions = transactions;
        this.load = load;
        this.save = save;
        this.clock = clock;
    }

    @Override
    public Outcome<FeeSchedule> replace(Caller caller, FeeScheduleChange change) {
        if (!BillingAccess.mayChangeBilling(caller)) {
            return Outcome.refused(BillingRefusals.NOT_ALLOWED);
        }
        return transactions.inTransaction(() -> {
            Optional<FeeSchedule> current = load.currentForChange();
            if (current.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("fee schedule", "current"));
            }
            return switch (current.get().replace(change.fees(), change.taxRateBasisPoints(), change.expectedVersion(),
                    caller.asActor(), clock.instant())) {
                case ScheduleChange.Stale stale -> Outcome.refused(new Refusal.Stale(stale.currentVersion()));
                case ScheduleChange.Invalid invalid -> Outcome.refused(BillingRefusals.invalid(invalid.violations()));
                case ScheduleChange.Replaced replaced -> {
                    save.save(replaced.schedule());
                    yield Outcome.done(replaced.schedule());
                }
            };
        });
    }
}
