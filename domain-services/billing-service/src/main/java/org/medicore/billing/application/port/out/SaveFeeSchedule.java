package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.FeeSchedule;

public interface SaveFeeSchedule {

    void save(FeeSchedule schedule);
}
