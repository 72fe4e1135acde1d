package org.medicore.patient;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.lab.v1.AbnormalFlag;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ReferenceRange;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.Allergy;
import org.medicore.contracts.patient.v1.AllergySeverity;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.Sex;

import java.time.Instant;
import java.util.UUID;

/** Valid requests of the wire contract, to change one field at a time: {@code anAllergy(id).setSupersedesEntryId(...)}. */
public final class ProtoRequests {

    private ProtoRequests() {
    }

    public static RegisterPatientRequest.Builder aRegistration(String family) {
        return RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Anna").setFamily(family))
                .setDateOfBirth(Date.newBuilder().setYear(1985).setMonth(3).setDay(14))
                .setSex(Sex.FEMALE)
                .setContact(ContactDetails.newBuilder().setEmail("Anna." + UUID.randomUUID() + "@Example.org").setPhone("+4930123456"))
                .setRegisteredAtClinicId("clinic-berlin");
    }

    public static AddHistoryEntryRequest.Builder anAllergy(String patientId) {
        return AddHistoryEntryRequest.newBuilder().setPatientId(patientId)
                .setAllergy(Allergy.newBuilder().setSubstance("Penicillin").setReaction("hives").setSeverity(AllergySeverity.MODERATE));
    }

    public static AddHistoryEntryRequest.Builder aNote(String patientId, String text) {
        return AddHistoryEntryRequest.newBuilder().setPatientId(patientId).setNote(Note.newBuilder().setText(text));
    }

    /** A haemoglobin value of the given report row, observed at {@code observedAt}. */
    public static AttachLabResultRequest.Builder aLabResult(String patientId, Instant observedAt) {
        return AttachLabResultRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID() + ":0")
                .setPatientId(patientId)
                .setResult(LabResult.newBuilder()
                        .setTestName("Haemoglobin").setCode("718-7").setCodeSystem("http://loinc.org")
                        .setValue("13.2").setNumericValue(13.2).setUnit("g/dL")
                        .setReferenceRange(ReferenceRange.newBuilder().setLow(12.0).setHigh(15.5).setText("12.0 - 15.5"))
                        .setAbnormalFlag(AbnormalFlag.NORMAL)
                        .setSourceReportId(UUID.randomUUID().toString())
                        .setObservedAt(Timestamp.newBuilder().setSeconds(observedAt.getEpochSecond()).setNanos(observedAt.getNano())));
    }
}
