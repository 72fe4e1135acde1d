package org.medicore.billing.domain;

import java.util.Currency;
import java.util.Objects;

/** An amount in the minor unit of its currency (cents for EUR): no floating point anywhere. */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amountMinor, String currencyCode) {
        return new Money(amountMinor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(amountMinor, sameCurrency(other).amountMinor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(amountMinor, sameCurrency(other).amountMinor), currency);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(amountMinor, sameCurrency(other).amountMinor);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amountMinor;
    }
}
