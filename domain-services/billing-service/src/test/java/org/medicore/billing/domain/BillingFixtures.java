package org.medicore.billing.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for the billing domain's fixtures: aFeeSchedule(), aCharge(), anInvoice(). */
final class BillingFixtures {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final InvoiceTerms TERMS = new InvoiceTerms(ZoneId.of("Europe/Berlin"), Period.ofDays(30));
    static final Actor CASHIER = new Actor("7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a03", Role.BILLING);

    private BillingFixtures() {
    }

    static Money eur(long cents) {
        return new Money(cents, EUR);
    }

    static FeeScheduleBuilder aFeeSchedule() {
        return new FeeScheduleBuilder();
    }

    static ChargeBuilder aCharge() {
        return new ChargeBuilder();
    }

    static InvoiceBuilder anInvoice() {
        return new InvoiceBuilder();
    }

    static PaymentReceived aPaymentOf(Money amount) {
        return new PaymentReceived(UUID.randomUUID(), amount, PaymentMethod.CARD, "terminal 4711", NOW, CASHIER);
    }

    static final class FeeScheduleBuilder {
        private final Map<AppointmentType, AppointmentFee> fees = new EnumMap<>(AppointmentType.class);
        private int taxRate;
        private long version = 1;

        FeeScheduleBuilder() {
            for (AppointmentType type : AppointmentType.values()) {
                fees.put(type, new AppointmentFee(type, eur(8000), eur(2500), eur(4000)));
            }
        }

        FeeScheduleBuilder charging(AppointmentType type, long fee, long lateCancellation, long noShow) {
            fees.put(type, new AppointmentFee(type, eur(fee), eur(lateCancellation), eur(noShow)));
            return this;
        }

        FeeScheduleBuilder taxedAt(int basisPoints) {
            this.taxRate = basisPoints;
            return this;
        }

        FeeScheduleBuilder atVersion(long version) {
            this.version = version;
            return this;
        }

        FeeSchedule build() {
            return new FeeSchedule(EUR, fees, new TaxRate(taxRate), version, NOW, Actor.SYSTEM);
        }
    }

    static final class ChargeBuilder {
        private AppointmentType type = AppointmentType.CONSULTATION;
        private ChargeReason reason = ChargeReason.VISIT;
        private Instant start = Instant.parse("2026-03-01T10:00:00Z");

        ChargeBuilder of(AppointmentType type) {
            this.type = type;
            return this;
        }

        ChargeBuilder forA(ChargeReason reason) {
            this.reason = reason;
            return this;
        }

        ChargeBuilder startingAt(Instant start) {
            this.start = start;
            return this;
        }

        Charge build() {
            return new Charge(UUID.randomUUID(),
                    new AppointmentRef(UUID.randomUUID(), "practitioner-1", "cardiology", "clinic-1", start),
                    type, reason);
        }
    }

    static final class InvoiceBuilder {
        private long priceCents = 10_000;
        private int taxRate;

        InvoiceBuilder pricedAt(long cents) {
            this.priceCents = cents;
            return this;
        }

        InvoiceBuilder taxedAt(int basisPoints) {
            this.taxRate = basisPoints;
            return this;
        }

        Invoice build() {
            return Invoice.issue(UUID.randomUUID(), new InvoiceNumber(2026, 1), aCharge().build(),
                    List.of(new LineItem("Consultation, 2026-03-01", 1, eur(priceCents))), new TaxRate(taxRate),
                    TERMS, NOW).invoice();
        }
    }
}
