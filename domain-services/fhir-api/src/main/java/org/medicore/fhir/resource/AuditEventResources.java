package org.medicore.fhir.resource;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.medicore.support.audit.RecordedAccess;

import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * An audit record as a FHIR AuditEvent (DICOM's "Patient Record" event): the rpc as subtype, who
 * with their realm roles and from which address, the OAuth client as a second agent, the service
 * as the source, each patient touched as an entity {@code Patient/<id>}. Its id is the record's
 * place in the hash chain.
 */
public final class AuditEventResources {

    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    /** The service the FHIR API's own records name: their operation is the FHIR interaction. */
    public static final String FHIR_API = "FHIR R4";
    private static final String RESTFUL_INTERACTION = "http://hl7.org/fhir/restful-interaction";
    /** The gRPC methods, {@code <service>/<rpc>}, as the subtype's codes. */
    private static final String GRPC_METHODS = "urn:medicore:grpc-method";
    /** The verbs of the rpcs that make something new; every other change alters what exists, and no rpc deletes. */
    private static final List<String> CREATING_VERBS = List.of("Add", "Attach", "Book", "Create", "Record", "Register",
            "Request", "Submit");
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private AuditEventResources() {
    }

    /** @param issuer the realm's issuer, which names the token subjects an agent identifies */
    public static AuditEvent of(RecordedAccess record, String issuer) {
        AuditEvent event = new AuditEvent();
        event.setId(Long.toString(record.position()));
        event.setType(new Coding(DICOM, "110110", "Patient Record"));
        event.addSubtype(subtype(record));
        event.setAction(action(record));
        InstantType recorded = new InstantType(Date.from(record.occurredAt()));
        recorded.setTimeZone(UTC);
        event.setRecordedElement(recorded);
        event.setOutcome(switch (record.outcome()) {
            case "ALLOWED" -> AuditEvent.AuditEventOutcome._0;
            case "DENIED" -> AuditEvent.AuditEventOutcome._4;
            default -> AuditEvent.AuditEventOutcome._8;
        });
        event.setOutcomeDesc(record.outcome() + " (" + record.status() + ")");
        event.addAgent(person(record, issuer));
        if (!record.clientId().isEmpty()) {
            event.addAgent().setType(FhirValues.coded(DICOM, "110150", "Application"))
                    .setWho(new Reference().setIdentifier(new Identifier().setSystem(issuer).setValue(record.clientId()))
                            .setDisplay(record.clientId()))
                    .setRequestor(false);
        }
        if (record.approvedBy() != null) {
            // v3 ParticipationType VRF: the one who verified the act and answers for it, here the administrator who approved it
            event.addAgent().setType(FhirValues.coded(PARTICIPATION_TYPE, "VRF", "verifier"))
                    .setWho(new Reference().setIdentifier(new Identifier().setSystem(issuer).setValue(record.approvedBy()))
                            .setDisplay(record.approvedBy()))
                    .setRequestor(false);
        }
        event.getSource().setSite("MediCore").setObserver(new Reference().setDisplay(record.service()))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        for (String patient : record.patientIds()) {
            event.addEntity().setWhat(FhirValues.reference("Patient", patient))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person")).setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        record.resourceIds().stream().filter(id -> !record.patientIds().contains(id)).forEach(id -> event.addEntity()
                .setWhat(new Reference().setIdentifier(new Identifier().setValue(id)))
                .setType(new Coding(ENTITY_TYPE, "2", "System Object")).setName(record.resourceType() + " " + id));
        return event;
    }

    private static AuditEventAgentComponent person(RecordedAccess record, String issuer) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent().setRequestor(true)
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(issuer).setValue(record.subject()))
                        .setDisplay(record.subject()));
        record.roles().forEach(role -> agent.addRole().setText(role));
        String address = record.forwardedFor() != null ? record.forwardedFor() : record.clientAddress();
        if (!address.isEmpty()) {
            agent.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        return agent;
    }

    /** FHIR's own interaction for the API's records (an operation, e.g. {@code $everything}, as {@code operation}), else the rpc. */
    private static Coding subtype(RecordedAccess record) {
        if (record.service().equals(FHIR_API)) {
            String interaction = record.operation().startsWith("$") ? "operation" : record.operation();
            return new Coding(RESTFUL_INTERACTION, interaction, record.operation());
        }
        return new Coding(GRPC_METHODS, record.service() + "/" + record.operation(), record.operation());
    }

    private static AuditEvent.AuditEventAction action(RecordedAccess record) {
        if ("READ".equals(record.action())) {
            return AuditEvent.AuditEventAction.R;
        }
        if (record.service().equals(FHIR_API)) {
            // a transaction creates some entries and updates others: FHIR's "execute"
            return switch (record.operation()) {
                case "create" -> AuditEvent.AuditEventAction.C;
                case "transaction" -> AuditEvent.AuditEventAction.E;
                case "delete", "$export delete" -> AuditEvent.AuditEventAction.D;
                default -> AuditEvent.AuditEventAction.U;
            };
        }
        return CREATING_VERBS.stream().anyMatch(record.operation()::startsWith)
                ? AuditEvent.AuditEventAction.C : AuditEvent.AuditEventAction.U;
    }
}
