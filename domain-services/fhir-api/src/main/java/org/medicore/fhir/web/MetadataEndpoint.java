package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.medicore.fhir.export.ExportRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.CREATE;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.READ;
import static org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction.UPDATE;

/**
 * {@code GET /fhir/metadata}: the CapabilityStatement, built from the parameter sets the endpoints
 * accept, so it says exactly what is served (a test holds each line to a request mapping). Open
 * without a token, as FHIR clients ask for it before they sign in.
 */
@RestController
class MetadataEndpoint {

    private static final Map<String, Enumerations.SearchParamType> TYPES = Map.ofEntries(
            Map.entry("name", Enumerations.SearchParamType.STRING), Map.entry("family", Enumerations.SearchParamType.STRING),
            Map.entry("given", Enumerations.SearchParamType.STRING), Map.entry("birthdate", Enumerations.SearchParamType.DATE),
            Map.entry("date", Enumerations.SearchParamType.DATE), Map.entry("code", Enumerations.SearchParamType.TOKEN),
            Map.entry("category", Enumerations.SearchParamType.TOKEN), Map.entry("identifier", Enumerations.SearchParamType.TOKEN),
            Map.entry("start", Enumerations.SearchParamType.DATE), Map.entry("appointment-type", Enumerations.SearchParamType.TOKEN),
            Map.entry("specialty", Enumerations.SearchParamType.TOKEN));

    private static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/";

    private final Clock clock;

    MetadataEndpoint(Clock clock) {
        this.clock = clock;
    }

    @GetMapping(value = FhirPaths.BASE + "/metadata", produces = {"application/fhir+json", "application/json"})
    CapabilityStatement metadata() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(Date.from(clock.instant()));
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("MediCore FHIR API");
        statement.getImplementation().setDescription("MediCore's patient, scheduling and lab records as FHIR R4")
                .setUrl(ServletUriComponentsBuilder.fromCurrentContextPath().path(FhirPaths.BASE).toUriString());
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addInstantiates(BULK_DATA + "CapabilityStatement/bulk-data");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("A bearer token of the Keycloak realm medicore; its realm roles (PATIENT, DOCTOR, BILLING, ADMIN)"
                        + " decide what each service returns, as for every MediCore client.");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("DOCTOR and ADMIN: POST a transaction Bundle of one Patient and their Condition, AllergyIntolerance,"
                        + " MedicationStatement and laboratory Observation entries (each with request POST or PUT) to create or update"
                        + " that patient's record; the Patient is found by MediCore's identifier (urn:ietf:rfc:3986|urn:uuid:{id}) or"
                        + " else by name, birth date and e-mail; posting the same Bundle again changes nothing. A Bundle holding"
                        + " anything else (DiagnosticReport, Appointment, ...) is refused whole (not-supported, naming the entry).");
        CapabilityStatementRestResourceComponent patient = resource(rest, "Patient", Set.of(READ), PatientEndpoint.SEARCH_PARAMETERS);
        patient.addOperation().setName("everything").setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        patient.addOperation().setName("export").setDefinition(BULK_DATA + "OperationDefinition/patient-export")
                .setDocumentation("the named patients' records (patient, repeated; MediCore lists no patients wholesale), "
                        + "types " + new TreeSet<>(ExportRequest.PATIENT_TYPES));
        rest.addOperation().setName("export").setDefinition(BULK_DATA + "OperationDefinition/export")
                .setDocumentation("admins only: the clinic's practitioners");
        resource(rest, "Practitioner", Set.of(READ), Set.of());
        resource(rest, "PractitionerRole", Set.of(READ), PractitionerRoleEndpoint.SEARCH_PARAMETERS);
        resource(rest, "Schedule", Set.of(READ), ScheduleEndpoint.SEARCH_PARAMETERS);
        resource(rest, "Slot", Set.of(), SlotEndpoint.SEARCH_PARAMETERS);
        resource(rest, "Observation", Set.of(), ObservationEndpoint.SEARCH_PARAMETERS);
        resource(rest, "DiagnosticReport", Set.of(READ), DiagnosticReportEndpoint.SEARCH_PARAMETERS);
        resource(rest, "Binary", Set.of(READ), Set.of())
                .setDocumentation("a lab report's PDF (the id is the report's): with Accept application/fhir+json the Binary with its"
                        + " data, otherwise a 303 to a short-lived link to the PDF itself");
        resource(rest, "Appointment", Set.of(READ, CREATE, UPDATE), AppointmentEndpoint.SEARCH_PARAMETERS)
                .setDocumentation("create books (the end follows from the practitioner's slot length; Idempotency-Key makes a"
                        + " retry safe); update only cancels (status cancelled, with a cancelation reason; If-Match W/\"n\" with the version n)");
        resource(rest, "Condition", Set.of(), HistoryEndpoint.SEARCH_PARAMETERS);
        resource(rest, "AllergyIntolerance", Set.of(), HistoryEndpoint.SEARCH_PARAMETERS);
        resource(rest, "MedicationStatement", Set.of(), HistoryEndpoint.SEARCH_PARAMETERS);
        resource(rest, "Account", Set.of(), BillingEndpoint.SEARCH_PARAMETERS)
                .setDocumentation("a patient's billing account (one; billing-service finds it by its patient only)");
        resource(rest, "Invoice", Set.of(READ), BillingEndpoint.SEARCH_PARAMETERS);
        resource(rest, "AuditEvent", Set.of(READ), AuditEventEndpoint.SEARCH_PARAMETERS)
                .setDocumentation("admins only: the audit trail of every access to patient data, newest first; the id is the"
                        + " record's position in the trail's hash chain; patient or entity=Patient/{id} the patient touched, date the"
                        + " days in the clinic's zone");
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement.CapabilityStatementRestComponent rest,
                                                                     String type, Set<TypeRestfulInteraction> interactions,
                                                                     Set<String> searchedBy) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        interactions.stream().sorted().forEach(interaction -> resource.addInteraction().setCode(interaction));
        if (!searchedBy.isEmpty()) {
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        }
        searchedBy.stream().sorted().forEach(name -> resource.addSearchParam().setName(name)
                .setType(TYPES.getOrDefault(name, Enumerations.SearchParamType.REFERENCE)));
        return resource;
    }
}
