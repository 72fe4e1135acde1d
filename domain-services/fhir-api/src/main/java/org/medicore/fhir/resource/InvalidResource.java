package org.medicore.fhir.resource;

/**
 * A resource a client sent that can't become a request to the services: which element
 * ({@code Appointment.start}) and why, answered as an OperationOutcome with code invalid (not-supported
 * for {@link NotRecordable}).
 */
public class InvalidResource extends RuntimeException {

    private final String element;

    public InvalidResource(String element, String reason) {
        super(reason);
        this.element = element;
    }

    public String element() {
        return element;
    }
}
