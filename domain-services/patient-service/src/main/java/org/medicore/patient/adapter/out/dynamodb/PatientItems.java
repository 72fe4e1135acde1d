package org.medicore.patient.adapter.out.dynamodb;

import org.medicore.patient.domain.Address;
import org.medicore.patient.domain.ContactDetails;
import org.medicore.patient.domain.Demographics;
import org.medicore.patient.domain.EmergencyContact;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.PatientContactChanged;
import org.medicore.patient.domain.PatientErased;
import org.medicore.patient.domain.PatientEvent;
import org.medicore.patient.domain.PatientId;
import org.medicore.patient.domain.PatientRegistered;
import org.medicore.patient.domain.PersonName;
import org.medicore.patient.domain.PreferredLanguage;
import org.medicore.patient.domain.SearchableName;
import org.medicore.patient.domain.Sex;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.medicore.patient.adapter.out.dynamodb.PatientTable.BIRTH_PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.BIRTH_SK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.NAME_PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.NAME_SK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PENDING;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PENDING_ORDER;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.PK;
import static org.medicore.patient.adapter.out.dynamodb.PatientTable.SK;

/** The one mapping place between DynamoDB items and the domain: keys, patient items, outbox items. */
final class PatientItems {

    static final String PROFILE = "PROFILE";
    static final String PENDING_MARK = "PENDING";
    private static final String REGISTERED = "PatientRegistered";
    private static final String CONTACT_CHANGED = "PatientContactChanged";
    private static final String ERASED = "PatientErased";

    private PatientItems() {
    }

    /** The partition of everything that belongs to one patient: profile, outbox, history, lab results. */
    static String partition(PatientId id) {
        return "PATIENT#" + id.value();
    }

    static Map<String, AttributeValue> patientKey(PatientId id) {
        return Map.of(PK, s(partition(id)), SK, s(PROFILE));
    }

    static Map<String, AttributeValue> duplicateKey(String key) {
        return Map.of(PK, s("DUPLICATE#" + key), SK, s("DUPLICATE"));
    }

    static Map<String, AttributeValue> subjectKey(String subject) {
        return Map.of(PK, s("SUBJECT#" + subject), SK, s("SUBJECT"));
    }

    static Map<String, AttributeValue> claim(Map<String, AttributeValue> key, PatientId owner) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("patient_id", s(owner.value()));
        return item;
    }

    static PatientId claimOwner(Map<String, AttributeValue> item) {
        return new PatientId(item.get("patient_id").s());
    }

    /** Name searches need at least 2 characters, so the first two spread names over partitions. */
    static String namePartition(String normalizedFamily) {
        return "NAME#" + normalizedFamily.substring(0, Math.min(2, normalizedFamily.length()));
    }

    static Map<String, AttributeValue> toItem(Patient patient) {
        Demographics d = patient.demographics();
        SearchableName name = d.searchableName();
        Map<String, AttributeValue> item = new HashMap<>(patientKey(patient.id()));
        item.put("type", s("PATIENT"));
        item.put("id", s(patient.id().value()));
        item.put("given", s(d.name().given()));
        item.put("family", s(d.name().family()));
        item.put("given_norm", s(name.given()));
        item.put("dob", s(d.dateOfBirth().toString()));
        item.put("sex", s(d.sex().name()));
        item.put("email", s(d.contact().email()));
        item.put("phone", s(d.contact().phone()));
        d.contact().address().ifPresent(a -> item.put("address", AttributeValue.fromM(Map.of(
                "lines", AttributeValue.fromL(a.lines().stream().map(PatientItems::s).toList()),
                "postal_code", s(a.postalCode()), "city", s(a.city()), "region", s(a.region()),
                "country_code", s(a.countryCode())))));
        d.emergencyContact().ifPresent(e -> item.put("emergency_contact", AttributeValue.fromM(Map.of(
                "given", s(e.name().given()), "family", s(e.name().family()), "relationship", s(e.relationship()),
                "phone", s(e.phone()), "email", s(e.email())))));
        if (d.preferredLanguage().isChosen()) {
            item.put("preferred_language", s(d.preferredLanguage().tag()));
        }
        patient.keycloakSubject().ifPresent(subject -> item.put("keycloak_subject", s(subject)));
        item.put("clinic_id", s(patient.registeredAtClinicId()));
        item.put("version", n(patient.version()));
        item.put("created_at", s(patient.createdAt().toString()));
        item.put("updated_at", s(patient.updatedAt().toString()));
        d.duplicateKey().ifPresent(key -> item.put("duplicate_key", s(key)));
        String order = name.family() + "#" + name.given();
        if (name.family().length() >= 2) {
            item.put(NAME_PK, s(namePartition(name.family())));
            item.put(NAME_SK, s(order + "#" + d.dateOfBirth() + "#" + patient.id().value()));
        }
        item.put(BIRTH_PK, s("DOB#" + d.dateOfBirth()));
        item.put(BIRTH_SK, s(order + "#" + patient.id().value()));
        return item;
    }

    static Patient toPatient(Map<String, AttributeValue> item) {
        Optional<Address> address = Optional.ofNullable(item.get("address")).map(AttributeValue::m).map(a -> new Address(
                a.get("lines").l().stream().map(AttributeValue::s).toList(), a.get("postal_code").s(),
                a.get("city").s(), a.get("region").s(), a.get("country_code").s()));
        Optional<EmergencyContact> emergency = Optional.ofNullable(item.get("emergency_contact")).map(AttributeValue::m)
                .map(e -> new EmergencyContact(new PersonName(e.get("given").s(), e.get("family").s()),
                        e.get("relationship").s(), e.get("phone").s(), e.get("email").s()));
        Demographics demographics = new Demographics(
                new PersonName(item.get("given").s(), item.get("family").s()),
                LocalDate.parse(item.get("dob").s()), Sex.valueOf(item.get("sex").s()),
                new ContactDetails(item.get("email").s(), item.get("phone").s(), address), emergency,
                new PreferredLanguage(Optional.ofNullable(item.get("preferred_language")).map(AttributeValue::s).orElse("")));
        return new Patient(new PatientId(item.get("id").s()), demographics,
                Optional.ofNullable(item.get("keycloak_subject")).map(AttributeValue::s),
                item.get("clinic_id").s(), Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("created_at").s()), Instant.parse(item.get("updated_at").s()));
    }

    static Optional<String> duplicateKeyOf(Map<String, AttributeValue> item) {
        return Optional.ofNullable(item.get("duplicate_key")).map(AttributeValue::s);
    }

    /** An outbox item lives in its patient's partition; the sparse "pending" attribute puts it on the relay's index. */
    static Map<String, AttributeValue> toOutboxItem(PatientEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(outboxKey(event));
        item.put("type", s("OUTBOX"));
        item.put("event_id", s(event.eventId().toString()));
        item.put("occurred_at", s(event.occurredAt().toString()));
        item.put("patient_id", s(event.patientId().value()));
        switch (event) {
            case PatientRegistered registered -> {
                item.put("event_type", s(REGISTERED));
                item.put("clinic_id", s(registered.registeredAtClinicId()));
                item.put("has_portal_account", AttributeValue.fromBool(registered.hasPortalAccount()));
            }
            case PatientContactChanged contactChanged -> item.put("event_type", s(CONTACT_CHANGED));
            case PatientErased erased -> {
                item.put("event_type", s(ERASED));
                item.put("approved_at", s(erased.approvedAt().toString()));
            }
        }
        item.put(PENDING, s(PENDING_MARK));
        item.put(PENDING_ORDER, s(pendingOrder(event)));
        return item;
    }

    static Map<String, AttributeValue> outboxKey(PatientEvent event) {
        return Map.of(PK, s(partition(event.patientId())), SK, s("OUTBOX#" + event.eventId()));
    }

    static PatientEvent toEvent(Map<String, AttributeValue> item) {
        UUID eventId = UUID.fromString(item.get("event_id").s());
        Instant occurredAt = Instant.parse(item.get("occurred_at").s());
        PatientId patientId = new PatientId(item.get("patient_id").s());
        String type = item.get("event_type").s();
        return switch (type) {
            case REGISTERED -> new PatientRegistered(eventId, occurredAt, patientId, item.get("clinic_id").s(),
                    item.get("has_portal_account").bool());
            case CONTACT_CHANGED -> new PatientContactChanged(eventId, occurredAt, patientId);
            case ERASED -> new PatientErased(eventId, occurredAt, patientId, Instant.parse(item.get("approved_at").s()));
            default -> throw new IllegalStateException("outbox item " + eventId + " has an unknown event_type " + type);
        };
    }

    /** Sorts like time: nanoseconds since the epoch, zero-padded, then the event id for ties. */
    private static String pendingOrder(PatientEvent event) {
        Instant at = event.occurredAt();
        long nanos = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        return String.format("%019d#%s", nanos, event.eventId());
    }

    /** The attributes of a query's start key: the table's keys, plus the index's for an index query. */
    static List<String> keyAttributesOf(String index) {
        return switch (index) {
            case PatientTable.BY_NAME -> List.of(PK, SK, NAME_PK, NAME_SK);
            case PatientTable.BY_BIRTH_DATE -> List.of(PK, SK, BIRTH_PK, BIRTH_SK);
            default -> throw new IllegalArgumentException("no paging on index " + index);
        };
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
