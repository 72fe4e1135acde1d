package org.medicore.fhir.resource;

/**
 * Content a client sent that is valid FHIR but that MediCore has no place for (a vital sign, a
 * resolved allergy, a medication by reference): which element and why, answered as an
 * OperationOutcome with code not-supported rather than stored in part or dropped in silence.
 */
public final class NotRecordable extends RuntimeException {

    private final String element;

    public NotRecordable(String element, String reason) {
        super(reason);
        this.element = element;
    }

    public String element() {
        return element;
    }
}
