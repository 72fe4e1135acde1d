package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** The services' money (minor units and an ISO 4217 currency) as FHIR Money, in the currency's own decimals. */
final class MoneyValues {

    private MoneyValues() {
    }

    static Money of(org.medicore.contracts.common.v1.Money money) {
        int decimals = Math.max(0, Currency.getInstance(money.getCurrency()).getDefaultFractionDigits());
        return new Money().setValue(BigDecimal.valueOf(money.getAmountMinor(), decimals)).setCurrency(money.getCurrency());
    }

    /** As a clerk writes it: {@code EUR 12.50}. */
    static String text(org.medicore.contracts.common.v1.Money money) {
        return money.getCurrency() + " " + of(money).getValue().toPlainString();
    }
}
