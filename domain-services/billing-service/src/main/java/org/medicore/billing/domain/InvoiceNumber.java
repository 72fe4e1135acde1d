package org.medicore.billing.domain;

/** "2026-000123": the year and the gap-free sequence within it. */
public record InvoiceNumber(int year, int sequence) {

    public InvoiceNumber {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("invoice sequence outside 1..999999: " + sequence);
        }
    }

    public static InvoiceNumber parse(String text) {
        String[] parts = text.split("-");
        if (parts.length != 2 || parts[1].length() != 6) {
            throw new IllegalArgumentException("not an invoice number: " + text);
        }
        return new InvoiceNumber(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return "%04d-%06d".formatted(year, sequence);
    }
}
