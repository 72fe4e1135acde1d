package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.medicore.contracts.billing.v1.BillingAccount;

/**
 * A patient's billing account of billing-service as a FHIR Account (v3 {@code PBILLACCT}). R4's
 * Account has no element for balances, so what is invoiced, paid and due is said in its description.
 */
public final class AccountResources {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private AccountResources() {
    }

    public static Account of(BillingAccount kept) {
        Account account = new Account();
        account.setId(kept.getId());
        Meta meta = new Meta();
        FhirValues.instant(kept.hasUpdatedAt(), kept.getUpdatedAt()).ifPresent(meta::setLastUpdatedElement);
        account.setMeta(meta);
        account.setStatus(Account.AccountStatus.ACTIVE);
        account.setType(new CodeableConcept(new Coding(ACT_CODE, "PBILLACCT", "patient billing account")));
        account.addSubject(FhirValues.reference("Patient", kept.getPatientId()));
        FhirValues.dateTime(kept.hasCreatedAt(), kept.getCreatedAt())
                .ifPresent(opened -> account.setServicePeriod(new Period().setStartElement(opened)));
        account.setDescription("invoiced " + MoneyValues.text(kept.getTotalInvoiced()) + ", paid " + MoneyValues.text(kept.getTotalPaid())
                + ", due " + MoneyValues.text(kept.getBalanceDue()) + " (" + kept.getOpenInvoiceCount() + " open invoices)");
        return account;
    }
}
