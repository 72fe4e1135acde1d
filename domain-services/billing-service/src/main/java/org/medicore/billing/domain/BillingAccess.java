package org.medicore.billing.domain;

import java.util.UUID;

/**
 * Who may see and change what. BILLING and ADMIN: everything. PATIENT: the account and invoices
 * of the patient whose id is their token subject (the rule appointment-service uses; the
 * PatientRegistered event does not carry the Keycloak subject). The fee schedule is readable by
 * every authenticated caller: prices are not patient data.
 */
public final class BillingAccess {

    private BillingAccess() {
    }

    public static boolean maySeeBillingOf(Caller caller, UUID patientId) {
        return isStaff(caller) || (caller.is(Role.PATIENT) && caller.subject().equals(patientId.toString()));
    }

    /** The worklist shows every patient's invoices: billing staff only. */
    public static boolean maySeeEveryAccount(Caller caller) {
        return isStaff(caller);
    }

    public static boolean mayChangeBilling(Caller caller) {
        return isStaff(caller);
    }

    private static boolean isStaff(Caller caller) {
        return caller.is(Role.BILLING) || caller.is(Role.ADMIN);
    }
}
