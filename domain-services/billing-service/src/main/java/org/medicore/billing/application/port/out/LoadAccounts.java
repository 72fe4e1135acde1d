package org.medicore.billing.application.port.out;

import org.medicore.billing.domain.BillingAccount;

import java.util.Optional;
import java.util.UUID;

public interface LoadAccounts {

    Optional<BillingAccount> accountOf(UUID patientId);
}
