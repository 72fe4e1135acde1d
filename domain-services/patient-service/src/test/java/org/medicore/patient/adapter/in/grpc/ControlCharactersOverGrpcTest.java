package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.localstack.TestTokens;
import org.medicore.patient.DemographicsLeaves;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;
import static org.medicore.patient.ProtoRequests.aNote;
import static org.medicore.patient.ProtoRequests.aRegistration;

/**
 * Control characters in a name, an address, a contact or a note, sent over the wire to the running
 * service, and a name that is not UTF-8: refused before anything is stored, as INVALID_ARGUMENT
 * naming the field (service-support's PlainTextInterceptor), never INTERNAL or UNKNOWN.
 */
class ControlCharactersOverGrpcTest extends EndpointOverRealChannelTest {

    private static final String DOCTOR = TestTokens.forSubject("staff-doctor-" + UUID.randomUUID(), "DOCTOR");
    private static final List<String> CONTROLS = List.of("\u0000", "\b", "\u0085");

    /** Every text leaf an update can carry, each with each control character. */
    static Stream<Arguments> textLeavesWithControls() {
        return DemographicsLeaves.paths().stream()
                .filter(path -> leafOf(path).getJavaType() == FieldDescriptor.JavaType.STRING)
                .flatMap(path -> CONTROLS.stream().map(control -> Arguments.of(path, control)));
    }

    @ParameterizedTest(name = "{0}, control character {index}")
    @MethodSource("textLeavesWithControls")
    void an_update_with_a_control_character_in_a_text_field_is_refused_on_that_field(String path, String control) {
        Patient patient = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Control")).build()).getPatient();
        Object valid = DemographicsLeaves.validValue(path, new Random(path.hashCode()));
        boolean repeated = leafOf(path).isRepeated();
        Object hostile = repeated ? List.of(((List<?>) valid).getFirst() + control + "x") : valid + control + "x";
        var update = DemographicsLeaves.with(UpdateDemographicsRequest.newBuilder().setPatientId(patient.getId())
                .setExpectedVersion(1).setUpdateMask(FieldMask.newBuilder().addPaths(path)), path, hostile).build();

        assertThat(refusedFields(() -> as(DOCTOR).updateDemographics(update))).containsExactly(repeated ? path + "[0]" : path);
        assertThat(as(DOCTOR).getPatient(GetPatientRequest.newBuilder()
                .setPatientId(patient.getId()).build()).getPatient().getVersion()).isEqualTo(1);
    }

    @Test
    void a_registration_with_control_characters_in_the_name_and_the_address_is_refused_on_each_field() {
        var registration = aRegistration("Null\u0000Byte");
        registration.getNameBuilder().setGiven("Back\bspace");
        registration.getContactBuilder().setAddress(Address.newBuilder().addLines("Hauptstrasse\u00855")
                .setPostalCode("10115").setCity("Ber\u0000lin").setCountryCode("DE"));

        assertThat(refusedFields(() -> as(DOCTOR).registerPatient(registration.build())))
                .containsExactlyInAnyOrder("name.family", "name.given", "contact.address.lines[0]", "contact.address.city");
    }

    @Test
    void a_note_may_hold_line_breaks_and_tabs_but_no_other_control_character() {
        String patientId = as(DOCTOR).registerPatient(aRegistration(uniqueFamilyName("Noted")).build()).getPatient().getId();

        assertThat(as(DOCTOR).addHistoryEntry(aNote(patientId, "first line\n\tsecond line\r\n").build()).getEntry().getId())
                .isNotEmpty();
        for (String control : CONTROLS) {
            assertThat(refusedFields(() -> as(DOCTOR).addHistoryEntry(aNote(patientId, "a note" + control).build())))
                    .containsExactly("note.text");
        }
    }

    @Test
    void a_family_name_that_is_not_utf8_is_refused_on_that_field_not_answered_as_unknown() {
        byte[] valid = aRegistration("Utf").build().toByteArray();
        // the family name "Utf" becomes 0x55 0xC3 0x28: a lead byte without its follower
        byte[] broken = valid.clone();
        int at = indexOf(broken, new byte[]{'U', 't', 'f'});
        broken[at + 1] = (byte) 0xC3;
        broken[at + 2] = 0x28;
        var rawRegistration = PatientServiceGrpc.getRegisterPatientMethod().toBuilder(new RawBytes(), new RawBytes()).build();

        assertThat(refusedFields(() -> ClientCalls.blockingUnaryCall(as(DOCTOR).getChannel(), rawRegistration,
                CallOptions.DEFAULT, broken))).containsExactly("name.family");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not in the request");
    }

    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static FieldDescriptor leafOf(String path) {
        var type = UpdateDemographicsRequest.getDescriptor();
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            type = type.findFieldByName(names[i]).getMessageType();
        }
        return type.findFieldByName(names[names.length - 1]);
    }

    private static List<String> refusedFields(Runnable call) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(refused).as("the call is refused").isNotNull();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return violatedFields(refused);
    }
}
