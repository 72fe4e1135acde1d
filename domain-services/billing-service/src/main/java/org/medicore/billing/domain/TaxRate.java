package org.medicore.billing.domain;

/** A tax rate in basis points: 1900 is 19 %. */
public record TaxRate(int basisPoints) {

    public static final int FULL = 10_000;

    public TaxRate {
        if (basisPoints < 0 || basisPoints > FULL) {
            throw new IllegalArgumentException("tax rate outside 0..10000 basis points: " + basisPoints);
        }
    }

    public static boolean isValid(int basisPoints) {
        return basisPoints >= 0 && basisPoints <= FULL;
    }

    /** The tax on a non-negative amount, rounded half-up to the minor unit. */
    public Money taxOn(Money amount) {
        long scaled = Math.multiplyExact(amount.amountMinor(), (long) basisPoints);
        return new Money(Math.floorDiv(Math.addExact(scaled, FULL / 2), FULL), amount.currency());
    }
}
