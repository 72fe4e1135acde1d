package org.medicore.bff.record;

import io.grpc.Status;
import org.medicore.bff.error.InvalidArgument;
import org.medicore.bff.grpc.Caller;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import java.util.regex.Pattern;

/**
 * A patient's whole record from fhir-api's {@code Patient/{id}/$everything}, asked with the caller's
 * own token, so fhir-api and the services behind it decide and audit as for any FHIR client. What
 * fhir-api refuses becomes the gRPC status of the same meaning, which the BFF's one error
 * translation turns into the GraphQL error the portal knows; the OperationOutcome's text stays here.
 */
final class FhirApiRecords {

    /** FHIR's own rule for a resource id: what fhir-api could never answer is not sent. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    private final RestClient fhirApi;

    FhirApiRecords(RestClient fhirApi) {
        this.fhirApi = fhirApi;
    }

    /** The Bundle as the JSON text fhir-api wrote. */
    String everything(String patientId, Caller caller) {
        if (!FHIR_ID.matcher(patientId).matches()) {
            throw new InvalidArgument("patientId", "must be a record id: letters, digits, '-' and '.', at most 64");
        }
        try {
            return fhirApi.get().uri("/Patient/{id}/$everything", patientId)
                    .header("Accept", "application/fhir+json")
                    .headers(headers -> caller.bearerToken().ifPresent(headers::setBearerAuth))
                    .retrieve().body(String.class);
        } catch (RestClientResponseException refused) {
            throw status(refused.getStatusCode()).withDescription("the FHIR API answered " + refused.getStatusCode().value())
                    .asRuntimeException();
        } catch (ResourceAccessException unreachable) {
            throw Status.UNAVAILABLE.withDescription("the FHIR API is not answering").asRuntimeException();
        }
    }

    private static Status status(HttpStatusCode code) {
        return switch (code.value()) {
            case 400, 414, 422, 431 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404, 410 -> Status.NOT_FOUND;
            case 429, 502, 503, 504 -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
    }
}
