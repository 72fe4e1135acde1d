package org.medicore.analytics.domain;

import java.util.Objects;

/**
 * An amount in minor units of one currency. Revenue sums start as {@link #NONE}, which takes
 * the currency of the first amount added; the clinic group bills in one currency, so adding
 * another is a broken event, not an outcome.
 */
public record Money(long amountMinor, String currency) {

    public static final Money NONE = new Money(0, "");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public Money plus(Money other) {
        if (other.currency.isEmpty()) {
            return new Money(amountMinor + other.amountMinor, currency);
        }
        if (!currency.isEmpty() && !currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amountMinor + other.amountMinor, other.currency);
    }

    public Money negated() {
        return new Money(-amountMinor, currency);
    }
}
