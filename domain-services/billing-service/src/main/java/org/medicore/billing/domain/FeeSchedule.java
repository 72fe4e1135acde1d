package org.medicore.billing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The clinic's prices per appointment type and its tax rate. The currency is the clinic's and
 * does not change with an edit, so all invoices and account totals share it.
 */
public record FeeSchedule(Currency currency, Map<AppointmentType, AppointmentFee> fees, TaxRate taxRate,
                          long version, Instant updatedAt, Actor updatedBy) {

    public FeeSchedule {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        fees = Map.copyOf(fees);
    }

    /** The line to invoice for a charge, or none when the schedule charges nothing for it. */
    public Optional<LineItem> lineItemFor(Charge charge, InvoiceTerms terms) {
        AppointmentFee fee = fees.get(charge.type());
        if (fee == null || fee.priceOf(charge.reason()).isZero()) {
            return Optional.empty();
        }
        String what = switch (charge.reason()) {
            case VISIT -> charge.type().label();
            case LATE_CANCELLATION -> "Late cancellation: " + charge.type().label();
            case NO_SHOW -> "Missed appointment: " + charge.type().label();
        };
        return Optional.of(new LineItem(what + ", " + terms.day(charge.appointment().start()), 1,
                fee.priceOf(charge.reason())));
    }

    public List<AppointmentFee> feesInOrder() {
        return new EnumMap<>(fees).values().stream().toList();
    }

    /** Replaces fees and tax rate as a whole, or says why not. */
    public ScheduleChange replace(List<AppointmentFee> newFees, int taxRateBasisPoints, long expectedVersion,
                                  Actor by, Instant now) {
        if (expectedVersion != version) {
            return new ScheduleChange.Stale(version);
        }
        List<FieldViolation> violations = violationsOf(newFees, taxRateBasisPoints);
        if (!violations.isEmpty()) {
            return new ScheduleChange.Invalid(violations);
        }
        Map<AppointmentType, AppointmentFee> byType = new EnumMap<>(AppointmentType.class);
        newFees.forEach(fee -> byType.put(fee.type(), fee));
        return new ScheduleChange.Replaced(
                new FeeSchedule(currency, byType, new TaxRate(taxRateBasisPoints), version + 1, now, by));
    }

    private List<FieldViolation> violationsOf(List<AppointmentFee> newFees, int taxRateBasisPoints) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<AppointmentType, Integer> seen = new EnumMap<>(AppointmentType.class);
        for (int i = 0; i < newFees.size(); i++) {
            AppointmentFee fee = newFees.get(i);
            if (seen.put(fee.type(), i) != null) {
                violations.add(new FieldViolation("fees[%d].appointment_type".formatted(i), "appears twice"));
            }
            checkAmount(violations, "fees[%d].fee".formatted(i), fee.fee());
            checkAmount(violations, "fees[%d].late_cancellation_fee".formatted(i), fee.lateCancellationFee());
            checkAmount(violations, "fees[%d].no_show_fee".formatted(i), fee.noShowFee());
        }
        for (AppointmentType type : AppointmentType.values()) {
            if (!seen.containsKey(type)) {
                violations.add(new FieldViolation("fees", "no fee for " + type));
            }
        }
        if (!TaxRate.isValid(taxRateBasisPoints)) {
            violations.add(new FieldViolation("tax_rate_basis_points", "must be between 0 and 10000"));
        }
        return violations;
    }

    private void checkAmount(List<FieldViolation> violations, String field, Money amount) {
        if (amount.isNegative()) {
            violations.add(new FieldViolation(field + ".amount_minor", "must not be negative"));
        }
        if (!amount.hasCurrency(currency)) {
            violations.add(new FieldViolation(field + ".currency", "must be the clinic currency " + currency));
        }
    }
}
