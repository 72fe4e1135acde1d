package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.BillingAccount;

import java.time.Instant;
import java.util.UUID;

public interface SaveAccounts {

    /** Opens the account; false when the patient has one already. */
    boolean open(BillingAccount account);

    void touch(UUID patientId, Instant at);
}
