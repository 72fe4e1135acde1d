package org.medicore.support.audit;

import java.time.Instant;
import java.util.List;

/**
 * One access as the audit trail holds it, read back with its place in the hash chain. Its fields
 * are those of {@link AccessRecord} as stored: action and outcome by name, an empty relayed
 * address or trace as {@code null}. {@code approvedBy} names the administrator who approved what the
 * record tells (a patient's erasure), {@code null} for every other record.
 */
public record RecordedAccess(long position, Instant occurredAt, String subject, List<String> roles, String clientId,
                             String service, String operation, String action, String resourceType,
                             List<String> resourceIds, List<String> patientIds, List<String> fieldsChanged,
                             String clientAddress, String forwardedFor, String outcome, String status,
                             String traceId, String approvedBy) {
}
