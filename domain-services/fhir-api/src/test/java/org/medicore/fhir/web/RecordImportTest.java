package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import io.grpc.Status;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.fhir.support.AuditTrailOnPostgres;
import org.medicore.fhir.support.Clinic;
import org.medicore.fhir.support.RecordsOnFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.fhir.web.FhirCalls.admin;
import static org.medicore.fhir.web.FhirCalls.alice;
import static org.medicore.fhir.web.FhirCalls.assertNoErrors;
import static org.medicore.fhir.web.FhirCalls.assertRefused;
import static org.medicore.fhir.web.FhirCalls.doctor;
import static org.medicore.fhir.web.FhirCalls.valid;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A patient's record imported as a transaction Bundle ({@code POST /fhir}), with the services faked
 * behind their port: what is recorded, idempotence, refusals of the whole Bundle, a failure midway, and
 * the round trip ($everything, imported as a new patient, $everything again, the same clinical content).
 * Every answer is validated against the R4 core profiles.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, ExportConfiguration.class, ImportConfiguration.class, ExportFilesInMemory.class,
        AuditTrailOnPostgres.class,
        RecordImportTest.Services.class})
class RecordImportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Set<String> IMPORTED = Set.of("Patient", "Condition", "AllergyIntolerance", "MedicationStatement", "Observation");

    @TestConfiguration
    static class Services {
        @Bean
        RecordsOnFile records() {
            return new RecordsOnFile().withAlicesRecord();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RecordsOnFile records;

    @Test
    void a_doctor_imports_a_new_patients_record_and_the_same_bundle_posted_again_changes_nothing() throws Exception {
        Bundle first = valid(importing(aTransaction("Dora"), doctor()), Bundle.class);

        assertThat(first.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(first.getEntry()).extracting(entry -> entry.getResponse().getStatus()).containsOnly("201 Created").hasSize(5);
        String patient = first.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        assertThat(first.getEntry()).extracting(entry -> entry.getResponse().getLocation().split("/")[0])
                .containsExactly("Patient", "Condition", "AllergyIntolerance", "MedicationStatement", "Observation");
        int writes = records.writes();

        Bundle again = valid(importing(aTransaction("Dora"), doctor()), Bundle.class);

        assertThat(again.getEntry()).extracting(entry -> entry.getResponse().getStatus()).containsOnly("200 OK");
        assertThat(again.getEntry()).extracting(entry -> entry.getResponse().getLocation())
                .isEqualTo(first.getEntry().stream().map(entry -> entry.getResponse().getLocation()).toList());
        assertThat(records.writes()).as("writes of the second import").isEqualTo(writes + 1);
        Bundle record = valid(mvc.perform(get("/fhir/Patient/" + patient + "/$everything").with(doctor())).andReturn(), Bundle.class);
        // the doctor's copy ends with the note that billing is not theirs to see
        assertThat(record.getEntry()).extracting(entry -> entry.getResource().fhirType())
                .containsExactly("Patient", "Condition", "AllergyIntolerance", "MedicationStatement", "Observation", "OperationOutcome");
        AllergyIntolerance allergy = (AllergyIntolerance) record.getEntry().get(2).getResource();
        assertThat(allergy.getReactionFirstRep().getSeverity()).isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
        Observation potassium = (Observation) record.getEntry().get(4).getResource();
        assertThat(potassium.getValueQuantity().getValue()).isEqualByComparingTo("5.9");
        assertThat(potassium.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
    }

    @Test
    void a_record_exported_and_imported_as_a_new_patient_exports_with_the_same_clinical_content() throws Exception {
        Bundle exported = valid(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE + "/$everything").with(admin())).andReturn(), Bundle.class);
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        exported.getEntry().stream().filter(entry -> IMPORTED.contains(entry.getResource().fhirType())).forEach(entry ->
                transaction.addEntry().setFullUrl(entry.getFullUrl()).setResource(entry.getResource().copy()).getRequest()
                        .setMethod(Bundle.HTTPVerb.POST).setUrl(entry.getResource().fhirType()));
        Patient moved = (Patient) transaction.getEntryFirstRep().getResource();
        // another system's patient: its own identifier; patient-service takes the same name, birth date and e-mail for the same person
        moved.setIdentifier(List.of(new Identifier().setSystem("https://hospital.example/mrn").setValue("A-4711")));
        moved.getTelecom().stream().filter(point -> point.getSystem() == ContactPoint.ContactPointSystem.EMAIL)
                .forEach(email -> email.setValue("alice.smith@hospital.example"));

        Bundle answer = valid(importing(transaction, admin()), Bundle.class);

        String copy = answer.getEntryFirstRep().getResponse().getLocation().split("/")[1];
        assertThat(copy).isNotEqualTo(Clinic.ALICE);
        assertThat(answer.getEntry()).extracting(entry -> entry.getResponse().getStatus()).containsOnly("201 Created");
        Bundle reexported = valid(mvc.perform(get("/fhir/Patient/" + copy + "/$everything").with(admin())).andReturn(), Bundle.class);
        assertThat(clinicalContent(reexported)).isEqualTo(clinicalContent(exported)).hasSize(6);
    }

    @Test
    void an_existing_patient_named_by_medicores_identifier_gets_the_demographics_that_changed() throws Exception {
        Bundle exported = valid(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE + "/$everything").with(admin())).andReturn(), Bundle.class);
        Patient alice = (Patient) exported.getEntryFirstRep().getResource().copy();
        alice.getTelecom().stream().filter(point -> point.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .forEach(phone -> phone.setValue("+4930999999"));
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction.addEntry().setFullUrl("urn:uuid:0c7b8a9e-1d2f-4a3b-8c4d-5e6f7a8b9c0d").setResource(alice).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient?identifier=urn:ietf:rfc:3986|urn:uuid:" + Clinic.ALICE);

        int writes = records.writes();

        Bundle answer = valid(importing(transaction, doctor()), Bundle.class);

        assertThat(answer.getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(answer.getEntryFirstRep().getResponse().getLocation()).isEqualTo("Patient/" + Clinic.ALICE + "/_history/4");
        Patient changed = valid(mvc.perform(get("/fhir/Patient/" + Clinic.ALICE).with(doctor())).andReturn(), Patient.class);
        assertThat(changed.getTelecom()).extracting(ContactPoint::getValue).contains("+4930999999");
        assertThat(records.writes()).as("the one change of demographics").isEqualTo(writes + 1);
    }

    @Test
    void a_bundle_with_entries_medicore_cannot_record_is_refused_whole_naming_each_and_nothing_is_stored() throws Exception {
        Bundle transaction = aTransaction("Edda");
        Observation bloodPressure = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                        "vital-signs", "Vital Signs")))
                .setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8480-6", "Systolic blood pressure")))
                .setSubject(new Reference("urn:uuid:6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"))
                .setEffective(new DateTimeType("2026-03-01T07:30:00Z"))
                .setValue(new Quantity().setValue(142).setUnit("mmHg").setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        entry(transaction, bloodPressure);
        DiagnosticReport report = new DiagnosticReport().setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL)
                .setCode(new CodeableConcept().setText("Laboratory report"));
        entry(transaction, report);
        int writes = records.writes();

        MvcResult refused = importing(transaction, doctor());

        assertRefused(refused, 422, OperationOutcome.IssueType.NOTSUPPORTED, "Bundle.entry[5].resource.category");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.getResponse().getContentAsString());
        assertThat(outcome.getIssue()).extracting(issue -> issue.getExpression().getFirst().getValue())
                .containsExactly("Bundle.entry[5].resource.category", "Bundle.entry[6].resource");
        assertThat(outcome.getIssue().get(1).getDiagnostics()).contains("lab-processor");
        assertThat(records.writes()).isEqualTo(writes);

        ((Condition) transaction.getEntry().get(1).getResource()).setCode(new CodeableConcept());
        assertRefused(importing(transaction, doctor()), 400, OperationOutcome.IssueType.INVALID, "Bundle.entry[1].resource.code");
        assertThat(records.writes()).isEqualTo(writes);
    }

    @Test
    void an_allergy_without_its_severity_and_a_patient_without_a_birth_date_are_invalid_where_the_element_is() throws Exception {
        Bundle transaction = aTransaction("Edda");
        ((AllergyIntolerance) transaction.getEntry().get(2).getResource()).getReactionFirstRep().setSeverity(null);
        ((Patient) transaction.getEntryFirstRep().getResource()).setBirthDateElement(null);

        MvcResult refused = importing(transaction, doctor());

        assertRefused(refused, 400, OperationOutcome.IssueType.INVALID, "Bundle.entry[0].resource.birthDate");
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.getResponse().getContentAsString());
        assertThat(outcome.getIssue()).extracting(issue -> issue.getExpression().getFirst().getValue())
                .containsExactly("Bundle.entry[0].resource.birthDate", "Bundle.entry[2].resource.reaction[0].severity");
    }

    @Test
    void only_doctors_and_admins_import_and_only_transactions() throws Exception {
        int writes = records.writes();
        assertRefused(importing(aTransaction("Fiona"), alice()), 403, OperationOutcome.IssueType.FORBIDDEN, null);
        assertRefused(importing(aTransaction("Greta").setType(Bundle.BundleType.BATCH), doctor()), 422,
                OperationOutcome.IssueType.NOTSUPPORTED, "Bundle.type");
        assertRefused(mvc.perform(post("/fhir").contentType("application/fhir+json").content("{\"resourceType\":\"Patient\"}")
                .with(doctor())).andReturn(), 400, OperationOutcome.IssueType.STRUCTURE, null);
        assertThat(records.writes()).isEqualTo(writes);
    }

    @Test
    void an_import_that_fails_midway_says_what_was_stored_and_the_same_bundle_again_completes_it() throws Exception {
        records.failWritesFrom(3, Status.UNAVAILABLE);

        MvcResult failed = importing(aTransaction("Greta"), doctor());

        assertRefused(failed, 503, OperationOutcome.IssueType.TRANSIENT, null);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, failed.getResponse().getContentAsString());
        assertThat(outcome.getIssue().get(1).getCode()).isEqualTo(OperationOutcome.IssueType.INCOMPLETE);
        assertThat(outcome.getIssue().get(1).getExpression()).extracting(Object::toString)
                .containsExactly("Bundle.entry[0]", "Bundle.entry[1]");

        records.failWritesFrom(Integer.MAX_VALUE, Status.OK);
        Bundle completed = valid(importing(aTransaction("Greta"), doctor()), Bundle.class);
        Bundle again = valid(importing(aTransaction("Greta"), doctor()), Bundle.class);

        assertThat(completed.getEntry()).extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("200 OK", "200 OK", "201 Created", "201 Created", "201 Created");
        assertThat(again.getEntry()).extracting(entry -> entry.getResponse().getStatus()).containsOnly("200 OK");
    }

    /** Posts the transaction, itself valid R4 (an export's resources included) however the import answers it. */
    private MvcResult importing(Bundle transaction, RequestPostProcessor caller) throws Exception {
        String json = FHIR.newJsonParser().encodeResourceToString(transaction);
        assertNoErrors("Bundle", json);
        return mvc.perform(post("/fhir").contentType("application/fhir+json").content(json).with(caller)).andReturn();
    }

    /** A patient from another system (each test its own, by the given name), with a condition, an allergy, a medication and a potassium result. */
    private static Bundle aTransaction(String given) {
        String patient = "urn:uuid:6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient dora = new Patient().addIdentifier(new Identifier().setSystem("https://hospital.example/mrn").setValue("D-0815"))
                .addName(new HumanName().setFamily("Weiß").addGiven(given).addGiven("Anna"))
                .setGender(Enumerations.AdministrativeGender.FEMALE)
                .addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("Dora.Weiss@Example.org"));
        dora.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-11-30"));
        transaction.addEntry().setFullUrl(patient).setResource(dora).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        entry(transaction, new Condition().setSubject(new Reference(patient))
                .setClinicalStatus(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "active", null)))
                .setCode(new CodeableConcept().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10", "I10", "Essential hypertension")))
                .setOnset(new DateTimeType("2015")));
        AllergyIntolerance latex = new AllergyIntolerance().setPatient(new Reference(patient))
                .setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", null)))
                .setCode(new CodeableConcept().setText("Latex"));
        latex.addReaction().setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE).addManifestation().setText("rash");
        entry(transaction, latex);
        MedicationStatement ramipril = new MedicationStatement().setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE)
                .setSubject(new Reference(patient)).setMedication(new CodeableConcept().setText("Ramipril 5 mg tablet"))
                .setEffective(new DateTimeType("2016-02-01"));
        ramipril.addDosage().setText("1 tablet in the morning");
        entry(transaction, ramipril);
        entry(transaction, new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                        "laboratory", "Laboratory")))
                .setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "2823-3", null)).setText("Potassium"))
                .setSubject(new Reference(patient)).setEffective(new DateTimeType("2026-02-20T08:15:00+01:00"))
                .setValue(new Quantity().setValue(5.9).setUnit("mmol/L").setSystem("http://unitsofmeasure.org").setCode("mmol/L"))
                .addInterpretation(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H", "High"))));
        return transaction;
    }

    private static void entry(Bundle transaction, Resource resource) {
        transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
    }

    /**
     * The record's clinical content, ids aside: the importable resources as JSON without their ids, versions,
     * identifiers and e-mail (which differ between the two patients), the patient's reference made one, and
     * without when MediCore recorded each entry.
     */
    private static List<String> clinicalContent(Bundle record) {
        return record.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(resource -> IMPORTED.contains(resource.fhirType())).map(resource -> {
                    Resource copy = resource.copy();
                    copy.setId((String) null);
                    copy.setMeta(null);
                    switch (copy) {
                        case Patient patient -> {
                            patient.setIdentifier(null);
                            patient.getTelecom().removeIf(point -> point.getSystem() == ContactPoint.ContactPointSystem.EMAIL);
                        }
                        case Condition condition -> condition.setSubject(new Reference("Patient/the-patient")).setRecordedDateElement(null);
                        case AllergyIntolerance allergy -> allergy.setPatient(new Reference("Patient/the-patient")).setRecordedDateElement(null);
                        case MedicationStatement statement -> statement.setSubject(new Reference("Patient/the-patient")).setDateAssertedElement(null);
                        case Observation observation -> observation.setSubject(new Reference("Patient/the-patient")).setIssuedElement(null);
                        default -> throw new IllegalStateException("not imported: " + copy.fhirType());
                    }
                    return FHIR.newJsonParser().encodeResourceToString(copy);
                }).sorted().toList();
    }
}
