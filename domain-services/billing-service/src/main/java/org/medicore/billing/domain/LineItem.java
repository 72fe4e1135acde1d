package org.medicore.billing.domain;

import java.util.Objects;

/** One line of an invoice. */
public record LineItem(String description, int quantity, Money unitPrice) {

    public LineItem {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public Money total() {
        return unitPrice.times(quantity);
    }
}
