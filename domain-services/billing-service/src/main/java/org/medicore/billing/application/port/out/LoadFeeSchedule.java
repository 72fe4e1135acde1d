package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.FeeSchedule;

import java.util.Optional;

public interface LoadFeeSchedule {

    Optional<FeeSchedule> current();

    /** The current schedule, locked until the transaction ends, for a change. */
    Optional<FeeSchedule> currentForChange();
}
