package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.domain.Actor;
import org.medicore.patient.domain.ErasureRequest;
import org.medicore.patient.domain.ErasureState;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.Role;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.patient.adapter.out.dynamodb.PatientItems.s;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.SK;

/**
 * Erasure requests as items (module README): the request under its own key; while pending, an entry in the one
 * partition of pending requests ordered by the time they were recorded; while open (pending or approved), the
 * patient's claim that keeps a second request from being recorded.
 */
final class ErasureItems {

    static final String PENDING_PARTITION = "ERASURES_PENDING";
    static final String STATE = "state";

    private ErasureItems() {
    }

    static Map<String, AttributeValue> requestKey(UUID id) {
        return Map.of(PK, s("ERASURE#" + id), SK, s("ERASURE"));
    }

    static Map<String, AttributeValue> pendingKey(ErasureRequest request) {
        return Map.of(PK, s(PENDING_PARTITION), SK, s(request.requestedAt() + "#" + request.id()));
    }

    static Map<String, AttributeValue> openClaimKey(PatientId patient) {
        return Map.of(PK, s("ERASURE_OPEN#" + patient.value()), SK, s("ERASURE_OPEN"));
    }

    static Map<String, AttributeValue> pointer(Map<String, AttributeValue> key, ErasureRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("request_id", s(request.id().toString()));
        return item;
    }

    static UUID pointedRequest(Map<String, AttributeValue> pointer) {
        return UUID.fromString(pointer.get("request_id").s());
    }

    static Map<String, AttributeValue> toItem(ErasureRequest request) {
        Map<String, AttributeValue> item = new HashMap<>(requestKey(request.id()));
        item.put("patient_id", s(request.patientId().value()));
        item.put(STATE, s(request.state().name()));
        putActor(item, "requested_by", request.requestedBy());
        item.put("reason", s(request.reason()));
        item.put("requested_at", s(request.requestedAt().toString()));
        request.decidedBy().ifPresent(actor -> putActor(item, "decided_by", actor));
        request.decidedAt().ifPresent(at -> item.put("decided_at", s(at.toString())));
        item.put("decline_reason", s(request.declineReason()));
        request.erasedAt().ifPresent(at -> item.put("erased_at", s(at.toString())));
        request.accountSubject().ifPresent(subject -> item.put("account_subject", s(subject)));
        return item;
    }

    static ErasureRequest toRequest(Map<String, AttributeValue> item) {
        return new ErasureRequest(UUID.fromString(item.get(PK).s().substring("ERASURE#".length())),
                new PatientId(item.get("patient_id").s()), ErasureState.valueOf(item.get(STATE).s()),
                actor(item, "requested_by").orElseThrow(), item.get("reason").s(),
                Instant.parse(item.get("requested_at").s()), actor(item, "decided_by"), instant(item, "decided_at"),
                item.get("decline_reason").s(), instant(item, "erased_at"), text(item, "account_subject"));
    }

    private static void putActor(Map<String, AttributeValue> item, String prefix, Actor actor) {
        item.put(prefix + "_subject", s(actor.subject()));
        item.put(prefix + "_role", s(actor.role().name()));
        item.put(prefix + "_name", s(actor.displayName()));
    }

    private static Optional<Actor> actor(Map<String, AttributeValue> item, String prefix) {
        return text(item, prefix + "_subject").map(subject -> new Actor(subject, Role.valueOf(item.get(prefix + "_role").s()),
                item.get(prefix + "_name").s()));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return text(item, name).map(Instant::parse);
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
