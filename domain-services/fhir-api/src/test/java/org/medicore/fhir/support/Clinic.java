package org.medicore.fhir.support;

import org.medicore.contracts.billing.v1.BillingAccount;
import org.medicore.contracts.billing.v1.ChargeReason;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceLineItem;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.common.v1.Money;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.Cancellation;
import org.medicore.contracts.appointment.v1.CancellingParty;
import org.medicore.contracts.appointment.v1.DaySchedule;
import org.medicore.contracts.appointment.v1.LocalTimeInterval;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.appointment.v1.Slot;
import org.medicore.contracts.appointment.v1.SlotLength;
import org.medicore.contracts.appointment.v1.WorkingHours;
import com.google.type.DayOfWeek;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.common.v1.AppointmentType;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.Condition;
import org.medicore.contracts.patient.v1.ConditionStatus;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.Medication;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.Sex;

import java.time.Instant;

/** The services' answers as the clinic's records read: proto messages as patient- and appointment-service send them. */
public final class Clinic {

    public static final String ALICE = "5b0c6a0e-0d6f-4c55-9d1e-6f3e9c1a2b01";
    public static final String DR_NOVAK = "9e2f1b7c-3a4d-4e5f-8a6b-7c8d9e0f1a22";

    private Clinic() {
    }

    public static Patient.Builder alice() {
        return Patient.newBuilder().setId(ALICE).setVersion(3)
                .setName(PersonName.newBuilder().setGiven("Alice").setFamily("Smith"))
                .setDateOfBirth(Date.newBuilder().setYear(1985).setMonth(3).setDay(14))
                .setSex(Sex.FEMALE)
                .setContact(ContactDetails.newBuilder().setEmail("alice@example.org").setPhone("+4930123456")
                        .setAddress(Address.newBuilder().addLines("Hauptstrasse 5").setPostalCode("10115").setCity("Berlin")
                                .setCountryCode("DE")))
                .setEmergencyContact(EmergencyContact.newBuilder().setName(PersonName.newBuilder().setGiven("Bob").setFamily("Smith"))
                        .setRelationship("partner").setPhone("+4930654321"))
                .setKeycloakSubject("alice-subject")
                .setPreferredLanguage("de")
                .setCreatedAt(at("2026-01-05T09:00:00Z")).setUpdatedAt(at("2026-03-01T10:15:30Z"));
    }

    public static Patient.Builder aPatient(String id, String given, String family) {
        return Patient.newBuilder().setId(id).setVersion(1).setName(PersonName.newBuilder().setGiven(given).setFamily(family));
    }

    /** Haemoglobin as lab-processor reads it from a report: LOINC, the unit in UCUM beside the printed one. */
    public static LabResult.Builder haemoglobin() {
        return LabResult.newBuilder().setId("0f6a3c2e-1b4d-4e8f-9a0b-1c2d3e4f5a60").setPatientId(ALICE)
                .setTestName("Haemoglobin").setCode("718-7").setCodeSystem("http://loinc.org")
                .setValue("16.1").setNumericValue(16.1).setUnit("g/dL").setPrintedUnit("g/dl")
                .setReferenceRange(ReferenceRange.newBuilder().setLow(12.0).setHigh(15.5).setText("12.0 - 15.5"))
                .setAbnormalFlag(AbnormalFlag.HIGH)
                .setSourceReportId("7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f40")
                .setObservedAt(at("2026-03-01T07:30:00Z")).setRecordedAt(at("2026-03-01T12:00:00Z"));
    }

    /** The report haemoglobin was read from, processed. */
    public static LabReport.Builder aProcessedReport() {
        return LabReport.newBuilder().setId("7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f40").setPatientId(ALICE)
                .setFileName("labs-2026-03-01.pdf").setContentType("application/pdf").setSizeBytes(48_213)
                .setStatus(LabReportStatus.PROCESSED).setResultCount(1).setAbnormalCount(1)
                .setCreatedAt(at("2026-03-01T11:00:00Z")).setUploadedAt(at("2026-03-01T11:01:00Z"))
                .setProcessedAt(at("2026-03-01T12:00:00Z"));
    }

    public static LabResult.Builder aQualitativeResult() {
        return LabResult.newBuilder().setId("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d").setPatientId(ALICE)
                .setTestName("Hepatitis B surface antigen").setCode("5196-1").setCodeSystem("http://loinc.org")
                .setValue("positive").setAbnormalFlag(AbnormalFlag.ABNORMAL)
                .setReferenceRange(ReferenceRange.newBuilder().setText("negative"))
                .setObservedAt(at("2026-03-01T07:30:00Z")).setRecordedAt(at("2026-03-01T12:00:00Z"));
    }

    public static Appointment.Builder aBooking() {
        return Appointment.newBuilder().setId("3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f").setPatientId(ALICE)
                .setPractitionerId(DR_NOVAK).setAppointmentType(AppointmentType.CONSULTATION)
                .setStatus(AppointmentStatus.BOOKED)
                .setStart(at("2026-04-02T08:00:00Z")).setEnd(at("2026-04-02T08:20:00Z"))
                .setReason("recurring headaches").setVersion(1)
                .setCreatedAt(at("2026-03-20T16:00:00Z")).setUpdatedAt(at("2026-03-20T16:00:00Z"));
    }

    public static Appointment.Builder aCancelledFollowUp() {
        return aBooking().setId("4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f80").setAppointmentType(AppointmentType.FOLLOW_UP)
                .setStatus(AppointmentStatus.CANCELLED)
                .setCancellation(Cancellation.newBuilder().setCancelledBy(CancellingParty.PATIENT).setReason("feeling better")
                        .setCancelledAt(at("2026-03-25T10:00:00Z")));
    }

    public static Practitioner.Builder drNovak() {
        return Practitioner.newBuilder().setId(DR_NOVAK).setName(PersonName.newBuilder().setGiven("Jana").setFamily("Novak"))
                .setSpecialty("General practice").setDepartment("Internal Medicine").setClinicId("berlin-mitte")
                .setTimeZone("Europe/Berlin").setVersion(2).setUpdatedAt(at("2026-01-02T08:00:00Z"));
    }

    /** Mondays 08:00-12:00 and 13:00-17:00, Fridays 08:00-12:00, in Berlin; 20 minutes a consultation. */
    public static WorkingHours.Builder drNovaksHours() {
        return WorkingHours.newBuilder().setPractitionerId(DR_NOVAK).setVersion(4).setUpdatedAt(at("2026-01-03T08:00:00Z"))
                .addDays(DaySchedule.newBuilder().setDayOfWeek(DayOfWeek.MONDAY)
                        .addIntervals(LocalTimeInterval.newBuilder().setStart("08:00").setEnd("12:00"))
                        .addIntervals(LocalTimeInterval.newBuilder().setStart("13:00").setEnd("17:00")))
                .addDays(DaySchedule.newBuilder().setDayOfWeek(DayOfWeek.FRIDAY)
                        .addIntervals(LocalTimeInterval.newBuilder().setStart("08:00").setEnd("12:00")))
                .addSlotLengths(SlotLength.newBuilder().setAppointmentType(AppointmentType.CONSULTATION).setMinutes(20));
    }

    /** A free consultation with Dr Novak at {@code start} (an instant), 20 minutes. */
    public static Slot.Builder aFreeSlot(String start) {
        Instant from = Instant.parse(start);
        return Slot.newBuilder().setPractitionerId(DR_NOVAK).setAppointmentType(AppointmentType.CONSULTATION)
                .setStart(at(start)).setEnd(at(from.plusSeconds(20 * 60).toString()));
    }

    public static HistoryEntry.Builder diabetes() {
        return entry("6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8a9b0c", HistoryEntryKind.CONDITION)
                .setCondition(Condition.newBuilder().setDisplay("Type 2 diabetes mellitus").setCode("E11.9")
                        .setCodeSystem("http://hl7.org/fhir/sid/icd-10").setStatus(ConditionStatus.ACTIVE)
                        .setOnsetDate(Date.newBuilder().setYear(2019).setMonth(4)));
    }

    public static HistoryEntry.Builder penicillinAllergy() {
        return entry("7a8b9c0d-1e2f-4a3b-4c5d-6e7f8a9b0c1d", HistoryEntryKind.ALLERGY)
                .setAllergy(Allergy.newBuilder().setSubstance("Penicillin").setReaction("hives").setSeverity(AllergySeverity.LIFE_THREATENING));
    }

    public static HistoryEntry.Builder metformin() {
        return entry("8b9c0d1e-2f3a-4b4c-5d6e-7f8a9b0c1d2e", HistoryEntryKind.MEDICATION)
                .setMedication(Medication.newBuilder().setName("Metformin 500 mg tablet").setCode("A10BA02")
                        .setDosage("1 tablet twice daily with meals").setStartDate(Date.newBuilder().setYear(2019).setMonth(5).setDay(2)));
    }

    public static HistoryEntry.Builder aNote() {
        return entry("9c0d1e2f-3a4b-4c5d-6e7f-8a9b0c1d2e3f", HistoryEntryKind.NOTE).setNote(Note.newBuilder().setText("doing well"));
    }

    private static HistoryEntry.Builder entry(String id, HistoryEntryKind kind) {
        return HistoryEntry.newBuilder().setId(id).setPatientId(ALICE).setKind(kind).setRecordedAt(at("2026-02-10T11:00:00Z"));
    }

    public static BillingAccount.Builder alicesAccount() {
        return BillingAccount.newBuilder().setId("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e").setPatientId(ALICE)
                .setBalanceDue(euros(2380)).setTotalInvoiced(euros(7140)).setTotalPaid(euros(4760)).setOpenInvoiceCount(1)
                .setCreatedAt(at("2026-01-05T09:00:00Z")).setUpdatedAt(at("2026-03-21T09:00:00Z"));
    }

    /** A consultation's invoice, EUR 20.00 + 19 % VAT, of which EUR 10.00 is paid. */
    public static Invoice.Builder aPartlyPaidInvoice() {
        return Invoice.newBuilder().setId("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f").setNumber("2026-000042").setPatientId(ALICE)
                .setAppointmentId("3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f").setChargeReason(ChargeReason.VISIT)
                .setStatus(InvoiceStatus.PARTIALLY_PAID)
                .addLineItems(InvoiceLineItem.newBuilder().setDescription("Consultation").setQuantity(1)
                        .setUnitPrice(euros(2000)).setTotal(euros(2000)))
                .setSubtotal(euros(2000)).setTax(euros(380)).setTotal(euros(2380)).setTaxRateBasisPoints(1900)
                .setAmountPaid(euros(1000)).setBalanceDue(euros(1380))
                .setIssuedAt(at("2026-03-20T17:00:00Z")).setDueDate(Date.newBuilder().setYear(2026).setMonth(4).setDay(19))
                .setVersion(2);
    }

    /** A no-show's fee, voided by billing staff. */
    public static Invoice.Builder aVoidNoShowInvoice() {
        return aPartlyPaidInvoice().setId("d3e4f5a6-b7c8-4d9e-0f1a-2b3c4d5e6f70").setNumber("2026-000043")
                .setChargeReason(ChargeReason.NO_SHOW).setStatus(InvoiceStatus.VOID).clearLineItems()
                .addLineItems(InvoiceLineItem.newBuilder().setDescription("No-show fee").setQuantity(1)
                        .setUnitPrice(euros(2500)).setTotal(euros(2500)))
                .setSubtotal(euros(2500)).setTax(euros(0)).setTotal(euros(2500)).setTaxRateBasisPoints(0)
                .setAmountPaid(euros(0)).setBalanceDue(euros(0))
                .setVoidedAt(at("2026-03-22T09:00:00Z")).setVoidReason("the patient was in hospital");
    }

    private static Money euros(long cents) {
        return Money.newBuilder().setAmountMinor(cents).setCurrency("EUR").build();
    }

    public static Timestamp at(String instant) {
        Instant parsed = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(parsed.getEpochSecond()).setNanos(parsed.getNano()).build();
    }
}
