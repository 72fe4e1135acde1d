package org.medicore.fhir.web;

/** A request the FHIR API can't run as asked: which parameter and why, answered as an OperationOutcome with code invalid. */
final class InvalidSearch extends RuntimeException {

    private final String parameter;

    InvalidSearch(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
