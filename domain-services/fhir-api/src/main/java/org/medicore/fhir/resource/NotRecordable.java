package org.medicore.fhir.resource;

/**
 * Content a client sent that is valid FHIR but that MediCore has no place for (a vital sign, a
 * resolved allergy, a medication by reference): answered as an OperationOutcome with code
 * not-supported rather than stored in part or dropped in silence.
 */
public final class NotRecordable extends InvalidResource {

    public NotRecordable(String element, String reason) {
        super(element, reason);
    }
}
