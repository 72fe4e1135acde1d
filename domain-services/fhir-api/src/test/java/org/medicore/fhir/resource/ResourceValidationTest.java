package org.medicore.fhir.resource;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.patient.v1.Sex;
import org.medicore.fhir.support.Clinic;
import org.medicore.fhir.support.RecordsOnFile;
import org.medicore.fhir.support.R4CoreValidator;
import org.medicore.support.audit.RecordedAccess;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every resource mapped from the services' messages passes the HL7 validator against the R4 core profiles. */
class ResourceValidationTest {

    private static final String ISSUER = "https://id.medicore.test/realms/medicore";

    private final R4CoreValidator validator = R4CoreValidator.shared();

    @Test
    void a_patient_with_every_detail_is_a_valid_fhir_patient() {
        assertValid(PatientResources.of(Clinic.alice().build()));
    }

    @Test
    void the_preferred_language_is_the_patients_preferred_communication_as_a_bcp_47_tag() {
        org.hl7.fhir.r4.model.Patient patient = PatientResources.of(Clinic.alice().build());

        assertThat(patient.getCommunication()).singleElement().satisfies(communication -> {
            assertThat(communication.getPreferred()).isTrue();
            assertThat(communication.getLanguage().getCodingFirstRep().getSystem()).isEqualTo("urn:ietf:bcp:47");
            assertThat(communication.getLanguage().getCodingFirstRep().getCode()).isEqualTo("de");
        });
        // without a terminology service the validator only warns that it cannot look the tag up, as for UCUM units
        assertThat(validator.findings(patient)).filteredOn(R4CoreValidator::isError).isEmpty();
        assertThat(PatientResources.of(Clinic.alice().setPreferredLanguage("").build()).getCommunication()).isEmpty();
    }

    @Test
    void a_patient_with_only_a_name_is_a_valid_fhir_patient() {
        assertValid(PatientResources.of(Clinic.aPatient(Clinic.ALICE, "Alice", "Smith").setSex(Sex.SEX_UNSPECIFIED).build()));
    }

    @Test
    void a_numeric_lab_result_is_an_observation_with_loinc_ucum_range_and_interpretation() {
        Observation observation = LabResultObservations.of(Clinic.haemoglobin().build());

        assertValid(observation);
        assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("718-7");
        Quantity value = observation.getValueQuantity();
        assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(value.getCode()).isEqualTo("g/dL");
        assertThat(observation.getReferenceRangeFirstRep().getHigh().getValue()).isEqualByComparingTo("15.5");
        assertThat(observation.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
    }

    @Test
    void each_abnormal_flag_is_interpreted_with_its_v3_code() {
        for (var flag : List.of(AbnormalFlag.NORMAL, AbnormalFlag.LOW, AbnormalFlag.HIGH, AbnormalFlag.CRITICAL_LOW,
                AbnormalFlag.CRITICAL_HIGH, AbnormalFlag.ABNORMAL)) {
            assertValid(LabResultObservations.of(Clinic.haemoglobin().setAbnormalFlag(flag).build()));
        }
        assertThat(LabResultObservations.of(Clinic.haemoglobin().setAbnormalFlag(AbnormalFlag.CRITICAL_HIGH).build())
                .getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("HH");
        assertThat(LabResultObservations.of(Clinic.haemoglobin().setAbnormalFlag(AbnormalFlag.CRITICAL_LOW).build())
                .getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("LL");
    }

    @Test
    void a_unit_kept_as_printed_is_shown_but_not_claimed_as_ucum() {
        Observation observation = LabResultObservations.of(Clinic.haemoglobin().setUnit("K/uL").setPrintedUnit("K/uL").build());

        assertValid(observation);
        assertThat(observation.getValueQuantity().getUnit()).isEqualTo("K/uL");
        assertThat(observation.getValueQuantity().hasSystem()).isFalse();
    }

    @Test
    void a_qualitative_lab_result_is_an_observation_with_a_text_value() {
        Observation observation = LabResultObservations.of(Clinic.aQualitativeResult().build());

        assertValid(observation);
        assertThat(observation.getValueStringType().getValue()).isEqualTo("positive");
        assertThat(observation.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("A");
    }

    @Test
    void a_booked_and_a_cancelled_appointment_are_valid_fhir_appointments() {
        Appointment booked = AppointmentResources.of(Clinic.aBooking().build());
        Appointment cancelled = AppointmentResources.of(Clinic.aCancelledFollowUp().build());

        assertValid(booked);
        assertValid(cancelled);
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getCancelationReason().getText()).isEqualTo("feeling better");
    }

    @Test
    void a_practitioner_is_a_valid_fhir_practitioner() {
        assertValid(PractitionerResources.of(Clinic.drNovak().build()));
    }

    @Test
    void a_free_slot_a_schedule_and_a_practitioner_role_are_valid_fhir_resources() {
        assertValid(SlotResources.of(Clinic.aFreeSlot("2026-04-06T06:00:00Z").build()));
        assertValid(ScheduleResources.of(Clinic.drNovak().build(), Clinic.drNovaksHours().build()));
        assertValid(PractitionerRoleResources.of(Clinic.drNovak().build(), Optional.of(Clinic.drNovaksHours().build())));
        assertValid(PractitionerRoleResources.of(Clinic.drNovak().setSpecialty("").build(), Optional.empty()));
    }

    @Test
    void a_processed_lab_report_is_a_final_diagnostic_report_with_its_results_and_its_pdf_as_a_binary() {
        var report = LabReportResources.of(Clinic.aProcessedReport().build(), List.of(Clinic.haemoglobin().build())).orElseThrow();

        assertValid(report);
        assertThat(report.getStatus()).isEqualTo(org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus.FINAL);
        assertThat(report.getResultFirstRep().getReference()).isEqualTo("Observation/" + Clinic.haemoglobin().getId());
        assertThat(report.getPresentedFormFirstRep().getTitle()).isEqualTo("labs-2026-03-01.pdf");
        assertThat(report.getPresentedFormFirstRep().getContentType()).isEqualTo("application/pdf");
        assertThat(report.getPresentedFormFirstRep().getUrl()).isEqualTo("Binary/" + Clinic.aProcessedReport().getId());
        var rejected = LabReportResources.of(Clinic.aProcessedReport().setStatus(org.medicore.contracts.lab.v1.LabReportStatus.REJECTED)
                .setRejectionDetail("not a lab report").build(), List.of()).orElseThrow();
        assertValid(rejected);
        assertThat(rejected.getPresentedFormFirstRep().hasUrl()).as("a refused file is not handed out").isFalse();
        assertThat(LabReportResources.of(Clinic.aProcessedReport()
                .setStatus(org.medicore.contracts.lab.v1.LabReportStatus.AWAITING_UPLOAD).build(), List.of())).isEmpty();
    }

    @Test
    void a_lab_reports_pdf_is_a_binary_with_its_bytes_guarded_as_its_diagnostic_report() {
        String reportId = Clinic.aProcessedReport().getId();
        byte[] pdf = RecordsOnFile.pdfOf(reportId);

        var binary = BinaryResources.labReportFile(reportId, "application/pdf", pdf);

        assertValid(binary);
        assertThat(binary.getData()).isEqualTo(pdf);
        assertThat(binary.getSecurityContext().getReference()).isEqualTo("DiagnosticReport/" + reportId);
    }

    @Test
    void a_booking_written_by_a_client_becomes_the_services_booking_request() {
        Appointment wanted = AppointmentResources.of(Clinic.aBooking().build());

        var booking = AppointmentRequests.booking(wanted, "key-1");

        assertThat(booking.getPatientId()).isEqualTo(Clinic.ALICE);
        assertThat(booking.getPractitionerId()).isEqualTo(Clinic.DR_NOVAK);
        assertThat(booking.getStart()).isEqualTo(Clinic.aBooking().getStart());
        assertThat(booking.getAppointmentType()).isEqualTo(Clinic.aBooking().getAppointmentType());
        assertThat(booking.getReason()).isEqualTo("recurring headaches");
        assertThat(AppointmentRequests.booking(AppointmentResources.of(Clinic.aCancelledFollowUp().build())
                .setStatus(Appointment.AppointmentStatus.BOOKED), "key-2").getAppointmentType())
                .isEqualTo(org.medicore.contracts.common.v1.AppointmentType.FOLLOW_UP);
    }

    @Test
    void conditions_allergies_and_medications_of_the_history_are_valid_fhir_resources() {
        assertValid(HistoryResources.of(Clinic.diabetes().build()).orElseThrow());
        AllergyIntolerance allergy = (AllergyIntolerance) HistoryResources.of(Clinic.penicillinAllergy().build()).orElseThrow();
        assertValid(allergy);
        assertThat(allergy.getCriticality()).isEqualTo(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        assertValid(HistoryResources.of(Clinic.metformin().build()).orElseThrow());
        assertThat(HistoryResources.of(Clinic.aNote().build())).isEmpty();
    }

    @Test
    void a_billing_account_is_a_valid_fhir_account_of_the_patient_with_its_balances_said() {
        org.hl7.fhir.r4.model.Account account = AccountResources.of(Clinic.alicesAccount().build());

        assertValid(account);
        assertThat(account.getSubjectFirstRep().getReference()).isEqualTo("Patient/" + Clinic.ALICE);
        assertThat(account.getDescription()).isEqualTo("invoiced EUR 71.40, paid EUR 47.60, due EUR 23.80 (1 open invoices)");
    }

    @Test
    void a_partly_paid_and_a_void_invoice_are_valid_fhir_invoices_with_their_totals() {
        org.hl7.fhir.r4.model.Invoice partlyPaid = InvoiceResources.of(Clinic.aPartlyPaidInvoice().build());
        org.hl7.fhir.r4.model.Invoice voided = InvoiceResources.of(Clinic.aVoidNoShowInvoice().build());

        assertValid(partlyPaid);
        assertValid(voided);
        assertThat(partlyPaid.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Invoice.InvoiceStatus.ISSUED);
        assertThat(partlyPaid.getTotalGross().getValue()).isEqualByComparingTo("23.80");
        assertThat(partlyPaid.getTotalPriceComponentFirstRep().getFactor()).isEqualByComparingTo("0.19");
        assertThat(partlyPaid.getPaymentTerms()).isEqualTo("due 2026-04-19");
        assertThat(partlyPaid.getNoteFirstRep().getText()).isEqualTo("paid EUR 10.00, due EUR 13.80");
        assertThat(voided.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Invoice.InvoiceStatus.CANCELLED);
        assertThat(voided.getCancelledReason()).isEqualTo("the patient was in hospital");
        assertThat(InvoiceResources.of(Clinic.aPartlyPaidInvoice().setStatus(
                org.medicore.contracts.billing.v1.InvoiceStatus.PAID).build()).getStatus())
                .isEqualTo(org.hl7.fhir.r4.model.Invoice.InvoiceStatus.BALANCED);
    }

    @Test
    void an_approved_erasure_is_a_valid_audit_event_naming_its_approver_as_verifier() {
        RecordedAccess erasure = new RecordedAccess(41, Instant.parse("2026-12-04T10:15:30Z"), "admin-erasing", List.of("ADMIN"),
                "medicore-admin", "medicore.audit", "ForgetPatient", "CHANGE", "Patient", List.of("pseudonym:3f2a"), List.of(),
                List.of(), "", null, "ALLOWED", "OK", null, "admin-approving");

        AuditEvent event = AuditEventResources.of(erasure, ISSUER);

        assertValid(event);
        assertThat(event.getAgent()).filteredOn(agent -> "VRF".equals(agent.getType().getCodingFirstRep().getCode()))
                .singleElement().satisfies(approver -> {
                    assertThat(approver.getWho().getIdentifier().getValue()).isEqualTo("admin-approving");
                    assertThat(approver.getRequestor()).isFalse();
                });
        assertThat(AuditEventResources.of(new RecordedAccess(42, erasure.occurredAt(), "doctor-7", List.of("DOCTOR"),
                "medicore-portal", "medicore.patient.v1.PatientService", "GetPatient", "READ", "Patient", List.of("p-1"),
                List.of("p-1"), List.of(), "10.0.0.5", null, "ALLOWED", "OK", null, null), ISSUER).getAgent())
                .noneMatch(agent -> "VRF".equals(agent.getType().getCodingFirstRep().getCode()));
    }

    private void assertValid(IBaseResource resource) {
        R4CoreValidator.assertNoErrors(resource);
    }
}
