package org.medicore.support.audit;

import java.time.Instant;
import java.util.List;

/**
 * One access to patient data, as the audit trail keeps it: who, what, when, from where and how it
 * ended. It names the fields a change touched, never their values, so the trail itself holds no
 * clinical data.
 *
 * @param subject       the token's subject, or {@code anonymous} when the call carried no valid token
 * @param roles         the caller's realm roles
 * @param clientId      the OAuth client the token was issued to (the portal, a partner), or empty
 * @param service       the gRPC service called, e.g. {@code medicore.patient.v1.PatientService}
 * @param operation     the RPC, e.g. {@code GetPatient}
 * @param resourceType  what the service keeps, e.g. {@code Patient}
 * @param resourceIds   the ids the request named
 * @param patientIds    every patient whose data the request or the answer carried
 * @param fieldsChanged the request fields a change set, as paths; empty for a read
 * @param clientAddress the address the call came from
 * @param forwardedFor  the end user's address a front end relayed, or empty
 * @param status        the gRPC status code the call ended with
 * @param traceId       the W3C trace the call belongs to, or empty: it leads from the record to the request's logs
 */
public record AccessRecord(Instant occurredAt, String subject, List<String> roles, String clientId, String service,
                           String operation, Action action, String resourceType, List<String> resourceIds,
                           List<String> patientIds, List<String> fieldsChanged, String clientAddress,
                           String forwardedFor, Outcome outcome, String status, String traceId) {

    /** Longer than any id or field path the services hand out; what a caller sends beyond it is cut. */
    static final int KEPT = 120;

    public AccessRecord {
        roles = List.copyOf(roles);
        resourceIds = kept(resourceIds);
        patientIds = kept(patientIds);
        fieldsChanged = kept(fieldsChanged);
        forwardedFor = kept(forwardedFor);
    }

    /**
     * The trail records what a caller sent before the services check it, so an id may hold
     * anything: PostgreSQL refuses NUL in text (and with it the whole record, and so the call),
     * and a 100,000-character id would bloat the trail. Control characters are kept as their
     * {@code \\uXXXX} escape, and the text is cut to {@value #KEPT} characters.
     */
    static String kept(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), KEPT) + 8);
        int next = 0;
        for (; next < text.length() && kept.length() < KEPT; next++) {
            char c = text.charAt(next);
            if (Character.isISOControl(c)) {
                kept.append("\\u%04x".formatted((int) c));
            } else {
                kept.append(c);
            }
        }
        return next < text.length() ? kept + "…" : kept.toString();
    }

    private static List<String> kept(List<String> texts) {
        return texts.stream().map(AccessRecord::kept).toList();
    }
}
