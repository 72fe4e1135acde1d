package org.medicore.billing.application.port.in;

import org.medicore.billing.domain.AppointmentFee;
import org.medicore.billing.domain.Caller;
import org.medicore.billing.domain.FeeSchedule;
import org.medicore.support.port.Outcome;

import java.util.List;

/** Replacing the fee schedule (BILLING, ADMIN). */
public interface ManageFeeSchedule {

    Outcome<FeeSchedule> replace(Caller caller, FeeScheduleChange change);

    record FeeScheduleChange(long expectedVersion, List<AppointmentFee> fees, int taxRateBasisPoints) {
        public FeeScheduleChange {
            fees = List.copyOf(fees);
        }
    }
}
