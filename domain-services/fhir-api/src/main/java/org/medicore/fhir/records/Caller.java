package org.medicore.fhir.records;

import java.util.Set;

/**
 * Whom a FHIR request runs for: their bearer token, relayed on every gRPC call so each service
 * applies its own access rules (the FHIR API decides nothing a service decides), their token
 * subject and realm roles.
 */
public record Caller(String bearerToken, String subject, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
