package org.medicore.bff.audit;

import org.medicore.bff.security.RealmRoles;

import java.time.Instant;
import java.util.List;

/** One audit record as the GraphQL type AccessRecord shows it. */
public record AccessRecord(long position, Instant occurredAt, String subject, List<String> roles, String clientId,
                           String service, String operation, String action, String resourceType,
                           List<String> resourceIds, List<String> patientIds, List<String> fieldsChanged,
                           String clientAddress, String forwardedFor, String outcome, String status,
                           String traceId) {

    /**
     * As a patient may see it in their own access log: the record names only them, never the
     * other patients a staff member's list or batch call touched, and anyone else (a clinician,
     * another patient probing) only by role and outcome: no subject, address or trace.
     */
    AccessRecord asSeenBy(String patientId) {
        List<String> ids = patientIds.size() == 1 ? resourceIds : List.of();
        if (subject.equals(patientId)) {
            return new AccessRecord(position, occurredAt, subject, roles, clientId, service, operation, action, resourceType,
                    ids, List.of(patientId), fieldsChanged, clientAddress, forwardedFor, outcome, status, traceId);
        }
        List<String> clinicRoles = roles.stream().filter(RealmRoles.MEDICORE_ROLES::contains).sorted().toList();
        String someone = clinicRoles.isEmpty() ? "anonymous" : String.join(", ", clinicRoles);
        return new AccessRecord(position, occurredAt, someone, roles, clientId, service, operation, action, resourceType,
                ids, List.of(patientId), fieldsChanged, "", null, outcome, status, null);
    }
}
