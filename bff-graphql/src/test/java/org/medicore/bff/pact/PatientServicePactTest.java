package org.medicore.bff.pact;

import au.com.dius.pact.consumer.dsl.SynchronousMessagePactBuilder;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.contracts.common.v1.Actor;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.common.v1.Role;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
import org.medicore.contracts.patient.v1.BatchGetPatientsResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.RegisterPatientResponse;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;
import org.medicore.localstack.pact.CommittedPacts;
import org.medicore.localstack.pact.GrpcPacts;
import org.medicore.localstack.pact.StateValue;

import java.util.List;

import static org.medicore.localstack.pact.GrpcInteraction.call;

/** What the BFF asks of patient-service, and what it reads from the answers. */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PatientServicePactTest.PROVIDER, providerType = ProviderType.SYNCH_MESSAGE)
class PatientServicePactTest {

    static final String PROVIDER = "patient-service";
    static final String A_PATIENT = "a registered patient";

    private static final StateValue PATIENT_ID = new StateValue("patientId", "3d6f2a4e-8c1b-4f7a-9e2d-5b8c7a1f0e63");
    private static final StateValue FAMILY_NAME = new StateValue("familyName", "Schmidt");
    private static final StateValue VERSION = new StateValue("version", "1");
    private static final StateValue NEW_SUBJECT = new StateValue("subject", "7f3e9b2c-1a4d-4c8e-b6f5-2d9a8e7c4b10");

    private static final Patient PATIENT = Patient.newBuilder().setId(PATIENT_ID.example())
            .setName(PersonName.newBuilder().setGiven("Anna").setFamily(FAMILY_NAME.example()))
            .setDateOfBirth(Date.newBuilder().setYear(1985).setMonth(3).setDay(14))
            .setContact(ContactDetails.newBuilder().setEmail("anna@example.org"))
            .setPreferredLanguage("de")
            .setVersion(1).setCreatedAt(Timestamp.newBuilder().setSeconds(1_780_000_000)).build();

    @Pact(consumer = BffPacts.CONSUMER)
    V4Pact patientService(SynchronousMessagePactBuilder builder) {
        return GrpcPacts.pact(BffPacts.CONSUMER, PROVIDER,
                call(PatientServiceGrpc.getRegisterPatientMethod())
                        .given("no patient is linked to the new account", NEW_SUBJECT).by("DOCTOR")
                        .sending(RegisterPatientRequest.newBuilder().setName(PATIENT.getName())
                                .setDateOfBirth(PATIENT.getDateOfBirth()).setContact(PATIENT.getContact())
                                .setKeycloakSubject(NEW_SUBJECT.example()).build())
                        // a new account has chosen no language yet
                        .receiving(RegisterPatientResponse.newBuilder().setPatient(PATIENT.toBuilder().clearPreferredLanguage())
                                .build()),
                call(PatientServiceGrpc.getGetPatientMethod())
                        .given(A_PATIENT, PATIENT_ID).by("DOCTOR")
                        .sending(GetPatientRequest.newBuilder().setPatientId(PATIENT_ID.example()).build())
                        .receiving(GetPatientResponse.newBuilder().setPatient(PATIENT).build()),
                call(PatientServiceGrpc.getBatchGetPatientsMethod())
                        .given(A_PATIENT, PATIENT_ID).by("DOCTOR")
                        .sending(BatchGetPatientsRequest.newBuilder().addPatientIds(PATIENT_ID.example()).build())
                        .receiving(BatchGetPatientsResponse.newBuilder().addPatients(PATIENT).build()),
                call(PatientServiceGrpc.getSearchPatientsMethod())
                        .given(A_PATIENT, PATIENT_ID, FAMILY_NAME).by("DOCTOR")
                        .sending(SearchPatientsRequest.newBuilder().setFamilyNamePrefix(FAMILY_NAME.example())
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(SearchPatientsResponse.newBuilder().addPatients(PATIENT)
                                .setPageInfo(PageInfo.newBuilder().setTotalSize(1)).build()),
                call(PatientServiceGrpc.getUpdateDemographicsMethod())
                        .given(A_PATIENT, PATIENT_ID, VERSION).by("DOCTOR")
                        .sending(UpdateDemographicsRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setExpectedVersion(Long.parseLong(VERSION.example()))
                                .setContact(ContactDetails.newBuilder().setEmail("anna.schmidt@example.org"))
                                .setPreferredLanguage("de")
                                .setUpdateMask(FieldMask.newBuilder().addPaths("contact").addPaths("preferred_language")).build())
                        .receiving(UpdateDemographicsResponse.newBuilder().setPatient(PATIENT).build()),
                call(PatientServiceGrpc.getAddHistoryEntryMethod())
                        .given(A_PATIENT, PATIENT_ID).by("DOCTOR")
                        .sending(AddHistoryEntryRequest.newBuilder().setPatientId(PATIENT_ID.example())
                                .setNote(Note.newBuilder().setText("feels better")).build())
                        .receiving(AddHistoryEntryResponse.newBuilder().setEntry(historyEntry()).build()),
                call(PatientServiceGrpc.getListHistoryMethod())
                        .given("a registered patient with a note in the history", PATIENT_ID).by("DOCTOR")
                        .sending(ListHistoryRequest.newBuilder().setPatientId(PATIENT_ID.example()).setNewestFirst(true)
                                .setPage(PageRequest.newBuilder().setPageSize(20)).build())
                        .receiving(ListHistoryResponse.newBuilder().addEntries(historyEntry()).build()));
    }

    @Test
    void theBffReadsEveryAnswer(List<Interaction> interactions) {
        GrpcPacts.assertReadable(interactions, PatientServiceGrpc.getServiceDescriptor());
    }

    private static HistoryEntry historyEntry() {
        return HistoryEntry.newBuilder().setId("0c4d9a7e-2b1f-4e8a-a3c6-9f5e1d7b2a48").setPatientId(PATIENT_ID.example())
                .setKind(HistoryEntryKind.NOTE).setNote(Note.newBuilder().setText("feels better"))
                .setAuthor(Actor.newBuilder().setSubject("doctor").setRole(Role.DOCTOR))
                .setRecordedAt(Timestamp.newBuilder().setSeconds(1_780_000_000)).build();
    }
}
