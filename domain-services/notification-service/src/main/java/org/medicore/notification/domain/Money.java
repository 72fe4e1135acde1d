package org.medicore.notification.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in minor units of an ISO 4217 currency, as the events carry it. */
public record Money(long amountMinor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    /** The amount in major units with the currency's own number of decimals (EUR 2, JPY 0). */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountMinor, Math.max(0, currency.getDefaultFractionDigits()));
    }
}
