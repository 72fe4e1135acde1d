package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Meta;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.contracts.billing.v1.InvoiceStatus;

import java.math.BigDecimal;

/**
 * An invoice of billing-service as a FHIR Invoice of the patient, to the patient: its number, why it
 * was charged (a visit, a late cancellation, a no-show), the lines (their total, the quantity as the
 * factor), the tax, net and gross totals, the due day as payment terms, and what is paid and still
 * due as a note (R4's Invoice has no element for them). Paid is {@code balanced}, void {@code cancelled}.
 */
public final class InvoiceResources {

    private InvoiceResources() {
    }

    public static Invoice of(org.medicore.contracts.billing.v1.Invoice kept) {
        Invoice invoice = new Invoice();
        invoice.setId(kept.getId());
        invoice.setMeta(new Meta().setVersionId(Long.toString(kept.getVersion())));
        invoice.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setValue(kept.getNumber());
        invoice.setStatus(status(kept.getStatus()));
        if (!kept.getVoidReason().isBlank()) {
            invoice.setCancelledReason(kept.getVoidReason());
        }
        invoice.setType(new CodeableConcept().setText(reason(kept.getChargeReason())));
        invoice.setSubject(FhirValues.reference("Patient", kept.getPatientId()));
        invoice.setRecipient(FhirValues.reference("Patient", kept.getPatientId()));
        FhirValues.dateTime(kept.hasIssuedAt(), kept.getIssuedAt()).ifPresent(invoice::setDateElement);
        for (InvoiceLineItem line : kept.getLineItemsList()) {
            invoice.addLineItem().setSequence(invoice.getLineItem().size() + 1)
                    .setChargeItem(new CodeableConcept().setText(line.getDescription()))
                    .addPriceComponent().setType(Invoice.InvoicePriceComponentType.BASE)
                    .setFactor(line.getQuantity()).setAmount(MoneyValues.of(line.getTotal()));
        }
        if (kept.hasTax()) {
            invoice.addTotalPriceComponent().setType(Invoice.InvoicePriceComponentType.TAX)
                    .setFactorElement(new DecimalType(BigDecimal.valueOf(kept.getTaxRateBasisPoints(), 4)))
                    .setAmount(MoneyValues.of(kept.getTax()));
        }
        if (kept.hasSubtotal()) {
            invoice.setTotalNet(MoneyValues.of(kept.getSubtotal()));
        }
        if (kept.hasTotal()) {
            invoice.setTotalGross(MoneyValues.of(kept.getTotal()));
        }
        FhirValues.partialDate(kept.hasDueDate(), kept.getDueDate()).ifPresent(due -> invoice.setPaymentTerms("due " + due));
        if (kept.hasAmountPaid() && kept.hasBalanceDue()) {
            invoice.addNote().setText("paid " + MoneyValues.text(kept.getAmountPaid()) + ", due " + MoneyValues.text(kept.getBalanceDue()));
        }
        return invoice;
    }

    static Invoice.InvoiceStatus status(InvoiceStatus status) {
        return switch (status) {
            case ISSUED, PARTIALLY_PAID -> Invoice.InvoiceStatus.ISSUED;
            case PAID -> Invoice.InvoiceStatus.BALANCED;
            case VOID -> Invoice.InvoiceStatus.CANCELLED;
            // billing-service stores none without a status: an answer without one breaks the contract
            case INVOICE_STATUS_UNSPECIFIED, UNRECOGNIZED ->
                    throw new IllegalStateException("billing-service answered an invoice without a status");
        };
    }

    private static String reason(ChargeReason reason) {
        return switch (reason) {
            case VISIT -> "visit";
            case LATE_CANCELLATION -> "late cancellation";
            case NO_SHOW -> "no-show";
            case CHARGE_REASON_UNSPECIFIED, UNRECOGNIZED -> "charge";
        };
    }
}
