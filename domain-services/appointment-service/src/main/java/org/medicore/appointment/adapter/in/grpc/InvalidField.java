package org.medicore.appointment.adapter.in.grpc;

/** A request field that cannot be read; becomes one BadRequest field violation. */
final class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String description) {
        super(description, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
