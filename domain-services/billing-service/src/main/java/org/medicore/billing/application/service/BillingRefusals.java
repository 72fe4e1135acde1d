package org.medicore.billing.application.service;

import org.medicore.billing.domain.FieldViolation;
import org.medicore.support.port.Refusal;

import java.util.List;

/**
 * The billing domain's refusals as the kinds every service answers with: the one place they leave the
 * domain. An amount the invoice cannot take names the request's field; the invoice's state forbids the rest.
 */
final class BillingRefusals {

    /** All a caller hears who may not do this: nothing about whose invoices or accounts exist. */
    static final Refusal NOT_ALLOWED = new Refusal.Denied("not allowed for this caller");

    private static final String INVOICE = "invoice";

    private BillingRefusals() {
    }

    static Refusal of(org.medicore.billing.domain.Refusal refusal) {
        return switch (refusal) {
            case AMOUNT_NOT_POSITIVE -> Refusal.Invalid.of("amount.amount_minor", "must be positive");
            case CURRENCY_MISMATCH -> Refusal.Invalid.of("amount.currency", "must be the invoice currency");
            case INVOICE_VOID -> forbidden(refusal, "the invoice is void");
            case INVOICE_PAID -> forbidden(refusal, "the invoice is paid");
            case AMOUNT_EXCEEDS_BALANCE -> forbidden(refusal, "the amount exceeds the balance due");
            case HAS_PAYMENTS -> forbidden(refusal, "the invoice has payments; refunds are out of scope");
        };
    }

    static Refusal invalid(List<FieldViolation> violations) {
        return new Refusal.Invalid(violations.stream()
                .map(violation -> new org.medicore.support.port.FieldViolation(violation.field(), violation.description()))
                .toList());
    }

    private static Refusal forbidden(org.medicore.billing.domain.Refusal rule, String description) {
        return new Refusal.Forbidden(rule.name(), INVOICE, description);
    }
}
