package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.EmergencyContact;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.localstack.TestTokens;
import org.medicore.patient.DemographicsLeaves;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.ProtoRequests.aRegistration;

/** Each field the update request can carry, changed alone over the wire and stored in DynamoDB: nothing else moves. */
class OneFieldAtATimeOverGrpcTest extends EndpointOverRealChannelTest {

    private static final String DOCTOR = TestTokens.forSubject("staff-doctor-" + UUID.randomUUID(), "DOCTOR");

    static List<String> leaves() {
        return DemographicsLeaves.paths();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaves")
    void changing_one_field_keeps_every_other_field(String path) {
        var registration = aRegistration(uniqueFamilyName("Partial"));
        registration.getContactBuilder().setAddress(Address.newBuilder().addLines("Hauptstrasse 5").setPostalCode("10115")
                .setCity("Berlin").setRegion("Berlin").setCountryCode("DE"));
        registration.setEmergencyContact(EmergencyContact.newBuilder().setName(PersonName.newBuilder().setGiven("Max")
                .setFamily("Mustermann")).setRelationship("partner").setPhone("+4930987654").setEmail("max@example.org"));
        Patient before = as(DOCTOR).registerPatient(registration.build()).getPatient();
        Object value = DemographicsLeaves.validValue(path, new Random(path.hashCode()));

        as(DOCTOR).updateDemographics(DemographicsLeaves.with(UpdateDemographicsRequest.newBuilder()
                .setPatientId(before.getId()).setExpectedVersion(1)
                .setUpdateMask(FieldMask.newBuilder().addPaths(path)), path, value).build());

        Patient after = as(DOCTOR).getPatient(GetPatientRequest.newBuilder().setPatientId(before.getId()).build()).getPatient();
        assertThat(after).isEqualTo(DemographicsLeaves.with(before.toBuilder(), path, value)
                .setVersion(2).setUpdatedAt(after.getUpdatedAt()).build());
    }
}
