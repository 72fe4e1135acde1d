package org.medicore.fhir.intake;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.fhir.resource.HistoryRequests;
import org.medicore.fhir.resource.InvalidResource;
import org.medicore.fhir.resource.LabResultRequests;
import org.medicore.fhir.resource.NotRecordable;
import org.medicore.fhir.resource.PatientRequests;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a transaction Bundle into an {@link ImportedRecord}, or into every reason it can't be one,
 * each an OperationOutcome issue with the FHIRPath of the element ({@code Bundle.entry[2].resource.code}).
 * The whole Bundle is read before anything is written, so a Bundle with one bad entry stores nothing.
 */
final class TransactionReader {

    /** What can't be imported, and why: the records that come into MediCore only through their own way in. */
    private static final Map<String, String> NOT_IMPORTED = Map.of(
            "DiagnosticReport", "lab reports come into MediCore only as their files (PDF, HL7 v2) through lab-processor",
            "Binary", "lab reports come into MediCore only as their files (PDF, HL7 v2) through lab-processor",
            "Appointment", "appointments are booked on a free slot (POST /fhir/Appointment), not imported",
            "Practitioner", "practitioners are the clinic's staff, kept by appointment-service; they are not imported",
            "PractitionerRole", "practitioners are the clinic's staff, kept by appointment-service; they are not imported");

    private final List<OperationOutcome.OperationOutcomeIssueComponent> issues = new ArrayList<>();

    sealed interface Reading {
    }

    record Read(ImportedRecord record) implements Reading {
    }

    record Refused(OperationOutcome outcome) implements Reading {
    }

    static Reading read(Bundle bundle) {
        return new TransactionReader().reading(bundle);
    }

    private Reading reading(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            issue(IssueType.NOTSUPPORTED, "Bundle.type", "the base takes a transaction Bundle (a batch, or any other, is not served)");
            return refused();
        }
        List<Integer> patients = new ArrayList<>();
        for (int index = 0; index < bundle.getEntry().size(); index++) {
            if (bundle.getEntry().get(index).getResource() instanceof Patient) {
                patients.add(index);
            }
        }
        if (patients.size() != 1) {
            issue(IssueType.INVALID, "Bundle.entry", "a transaction imports one patient's record: exactly one Patient, not "
                    + patients.size());
            return refused();
        }
        int patientEntry = patients.getFirst();
        Bundle.BundleEntryComponent patient = bundle.getEntry().get(patientEntry);
        Set<String> patientReferences = referencesTo(patient);
        RegisterPatientRequest demographics = mapped(patientEntry, () -> PatientRequests.registration((Patient) patient.getResource()));
        List<ImportedRecord.Clinical> clinical = new ArrayList<>();
        for (int index = 0; index < bundle.getEntry().size(); index++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(index);
            if (request(index, entry) && index != patientEntry) {
                clinicalEntry(index, entry.getResource(), patientReferences).ifPresent(clinical::add);
            }
        }
        if (!issues.isEmpty()) {
            return refused();
        }
        return new Read(new ImportedRecord(patientEntry, demographics, PatientRequests.medicoreId((Patient) patient.getResource()),
                clinical));
    }

    /** Whether the entry is a create or update of a resource; FHIR's transaction needs each entry's request. */
    private boolean request(int index, Bundle.BundleEntryComponent entry) {
        String at = "Bundle.entry[" + index + "]";
        if (!entry.hasResource()) {
            issue(IssueType.REQUIRED, at + ".resource", "each entry carries the resource to import");
            return false;
        }
        if (!entry.hasRequest() || !entry.getRequest().hasMethod()) {
            issue(IssueType.REQUIRED, at + ".request", "each entry of a transaction says its request (method POST or PUT, and url)");
            return false;
        }
        Bundle.HTTPVerb method = entry.getRequest().getMethod();
        if (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT) {
            issue(IssueType.NOTSUPPORTED, at + ".request.method", "an import creates or updates (POST, PUT); " + method.toCode()
                    + " is not served in a transaction");
            return false;
        }
        return true;
    }

    private Optional<ImportedRecord.Clinical> clinicalEntry(int index, Resource resource, Set<String> patientReferences) {
        String type = resource.fhirType();
        return switch (resource) {
            case Condition condition -> subject(index, type, condition.getSubject(), "subject", patientReferences)
                    ? history(index, type, () -> AddHistoryEntryRequest.newBuilder().setCondition(HistoryRequests.condition(condition)))
                    : Optional.empty();
            case AllergyIntolerance allergy -> subject(index, type, allergy.getPatient(), "patient", patientReferences)
                    ? history(index, type, () -> AddHistoryEntryRequest.newBuilder().setAllergy(HistoryRequests.allergy(allergy)))
                    : Optional.empty();
            case MedicationStatement statement -> subject(index, type, statement.getSubject(), "subject", patientReferences)
                    ? history(index, type, () -> AddHistoryEntryRequest.newBuilder().setMedication(HistoryRequests.medication(statement)))
                    : Optional.empty();
            case Observation observation -> subject(index, type, observation.getSubject(), "subject", patientReferences)
                    ? Optional.ofNullable(mapped(index, () -> LabResultRequests.result(observation)))
                            .map(result -> new ImportedRecord.LabValue(index, type, result))
                    : Optional.empty();
            default -> {
                issue(IssueType.NOTSUPPORTED, "Bundle.entry[" + index + "].resource", type + " is not imported: "
                        + NOT_IMPORTED.getOrDefault(type, "MediCore imports Patient, Condition, AllergyIntolerance,"
                        + " MedicationStatement and laboratory Observations"));
                yield Optional.empty();
            }
        };
    }

    private Optional<ImportedRecord.Clinical> history(int index, String type, java.util.function.Supplier<AddHistoryEntryRequest.Builder> entry) {
        return Optional.ofNullable(mapped(index, () -> entry.get().build()))
                .map(request -> new ImportedRecord.HistoryDetail(index, type, request));
    }

    /** Whether the entry is about the Bundle's patient: a Bundle is one patient's record, and its entries are theirs. */
    private boolean subject(int index, String type, Reference reference, String element, Set<String> patientReferences) {
        if (reference.hasReference() && patientReferences.contains(reference.getReference())) {
            return true;
        }
        issue(IssueType.INVALID, "Bundle.entry[" + index + "].resource." + element, "a " + type
                + " of this transaction refers to its Patient (by the Patient entry's fullUrl or Patient/<its id>)");
        return false;
    }

    private static Set<String> referencesTo(Bundle.BundleEntryComponent patient) {
        Set<String> references = new HashSet<>();
        if (patient.hasFullUrl()) {
            references.add(patient.getFullUrl());
            int at = patient.getFullUrl().lastIndexOf("Patient/");
            if (at >= 0 && !patient.getFullUrl().startsWith("urn:")) {
                references.add(patient.getFullUrl().substring(at));
            }
        }
        if (patient.getResource().getIdElement().hasIdPart()) {
            references.add("Patient/" + patient.getResource().getIdElement().getIdPart());
        }
        return references;
    }

    /** The mapping's answer, or null with its refusal recorded as an issue at the element's path within the Bundle. */
    private <T> T mapped(int index, java.util.function.Supplier<T> mapping) {
        String at = "Bundle.entry[" + index + "].resource";
        try {
            return mapping.get();
        } catch (NotRecordable unsupported) {
            issue(IssueType.NOTSUPPORTED, within(at, unsupported.element()), unsupported.getMessage());
        } catch (InvalidResource invalid) {
            issue(IssueType.INVALID, within(at, invalid.element()), invalid.getMessage());
        }
        return null;
    }

    /** {@code Condition.code} of entry 2 is {@code Bundle.entry[2].resource.code}. */
    private static String within(String entry, String element) {
        int dot = element.indexOf('.');
        return dot < 0 ? entry : entry + element.substring(dot);
    }

    private void issue(IssueType type, String expression, String diagnostics) {
        issues.add(new OperationOutcome.OperationOutcomeIssueComponent().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type).setDiagnostics(diagnostics).addExpression(expression));
    }

    private Refused refused() {
        OperationOutcome outcome = new OperationOutcome();
        issues.forEach(outcome::addIssue);
        return new Refused(outcome);
    }
}
