package org.medicore.support.validation;

import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.ContactDetails;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.Note;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;
import static org.medicore.support.grpc.RefusalDetails.violations;

/** The control-character rule and the contract's rules in front of a service (a fake patient service behind it). */
class PlainTextInterceptorTest {

    private static final String PATIENT = "0b9f3c2e-5d0a-4f6e-9a51-2c7d8e1f4a60";

    private final AtomicInteger served = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;
    private PatientServiceGrpc.PatientServiceBlockingStub patients;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(UnreadableRequests.readingSafely(ServerInterceptors.intercept(new Patients(), new PlainTextInterceptor())))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        patients = PatientServiceGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void a_name_with_a_nul_or_a_backspace_is_refused_naming_each_field_and_never_reaches_the_service() {
        assertThatThrownBy(() -> patients.updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(PATIENT)
                .setUpdateMask(FieldMask.newBuilder().addPaths("name").addPaths("contact"))
                .setName(PersonName.newBuilder().setGiven("Ali\u0000ce").setFamily("Lid\bdell"))
                .setContact(ContactDetails.newBuilder().setEmail("alice@example.org")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(violatedFields(refused)).containsExactly("name.given", "name.family");
                    assertThat(refused.getStatus().getDescription()).doesNotContain("Ali", "Lid");
                });
        assertThat(served).hasValue(0);
    }

    @Test
    void a_c1_control_or_a_line_break_in_a_one_line_field_is_refused() {
        assertThatThrownBy(() -> patients.updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(PATIENT)
                .setName(PersonName.newBuilder().setGiven("Alice\u0085").setFamily("Lid\ndell")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> assertThat(violatedFields(refused))
                        .containsExactly("name.given", "name.family"));
    }

    @Test
    void a_note_may_have_several_lines_and_tabs_but_no_other_control_character() {
        patients.addHistoryEntry(AddHistoryEntryRequest.newBuilder().setPatientId(PATIENT)
                .setNote(Note.newBuilder().setText("Seen today.\r\n\tBlood pressure fine.")).build());
        assertThat(served).hasValue(1);

        assertThatThrownBy(() -> patients.addHistoryEntry(AddHistoryEntryRequest.newBuilder().setPatientId(PATIENT)
                .setNote(Note.newBuilder().setText("Seen\u001b[31m today")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused -> assertThat(violations(refused))
                        .singleElement().satisfies(violation -> {
                            assertThat(violation.getField()).isEqualTo("note.text");
                            assertThat(violation.getDescription()).isEqualTo(PlainText.MULTI_LINE);
                        }));
        assertThat(served).hasValue(1);
    }

    @Test
    void text_with_accents_emoji_and_markup_passes_unchanged() {
        assertThat(PlainText.allowed("Zoë Ørsted-Müller 🩺 <script>", false)).isTrue();
        assertThat(PlainText.allowed("", false)).isTrue();
        assertThat(PlainText.allowed("\u007f", true)).isFalse();
    }

    @Test
    void a_string_that_is_not_utf8_is_refused_naming_the_field_not_answered_as_unknown() {
        // UpdateDemographicsRequest{patient_id = "p-1", name{given = 0xC3 0x28}}: a lead byte without its follower
        byte[] request = {0x0a, 0x03, 'p', '-', '1', 0x22, 0x04, 0x0a, 0x02, (byte) 0xC3, 0x28};

        assertThatThrownBy(() -> sendRaw(request)).isInstanceOfSatisfying(StatusRuntimeException.class, refused -> {
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(violations(refused)).singleElement().satisfies(violation -> {
                assertThat(violation.getField()).isEqualTo("name.given");
                assertThat(violation.getDescription()).isEqualTo(UnreadableRequests.NOT_UTF8);
            });
        });
        assertThat(served).hasValue(0);
    }

    @Test
    void bytes_that_are_no_protobuf_are_an_invalid_argument() {
        byte[] truncated = {0x0a, 0x7f, 'p'};

        assertThatThrownBy(() -> sendRaw(truncated)).isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(served).hasValue(0);
    }

    @Test
    void a_well_formed_request_read_through_the_safe_reading_reaches_the_service_unchanged() {
        patients.updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId(PATIENT)
                .setName(PersonName.newBuilder().setGiven("Zoë").setFamily("Ørsted")).build());
        assertThat(served).hasValue(1);
    }

    @Test
    void a_broken_contract_rule_reaches_the_service_which_names_it_with_its_own_refusals() {
        patients.updateDemographics(UpdateDemographicsRequest.newBuilder().setPatientId("<script>".repeat(1_000)).build());
        assertThat(served).hasValue(1);
    }

    @Test
    void a_control_character_is_refused_alone_the_contract_rule_beside_it_is_the_services_to_name() {
        assertThatThrownBy(() -> patients.listHistory(ListHistoryRequest.newBuilder().setPatientId("p-1")
                .setPage(PageRequest.newBuilder().setPageToken("t\u0000")).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, refused ->
                        assertThat(violatedFields(refused)).containsExactly("page.page_token"));
        assertThat(served).hasValue(0);
    }

    private byte[] sendRaw(byte[] request) {
        var rawUpdate = PatientServiceGrpc.getUpdateDemographicsMethod().toBuilder(new RawBytes(), new RawBytes()).build();
        return io.grpc.stub.ClientCalls.blockingUnaryCall(channel, rawUpdate, io.grpc.CallOptions.DEFAULT, request);
    }

    private static final class RawBytes implements io.grpc.MethodDescriptor.Marshaller<byte[]> {
        @Override
        public java.io.InputStream stream(byte[] value) {
            return new java.io.ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(java.io.InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private final class Patients extends PatientServiceGrpc.PatientServiceImplBase {
        @Override
        public void updateDemographics(UpdateDemographicsRequest request, StreamObserver<UpdateDemographicsResponse> answer) {
            served.incrementAndGet();
            answer.onNext(UpdateDemographicsResponse.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void addHistoryEntry(AddHistoryEntryRequest request, StreamObserver<AddHistoryEntryResponse> answer) {
            served.incrementAndGet();
            answer.onNext(AddHistoryEntryResponse.getDefaultInstance());
            answer.onCompleted();
        }

        @Override
        public void listHistory(ListHistoryRequest request, StreamObserver<ListHistoryResponse> answer) {
            served.incrementAndGet();
            answer.onNext(ListHistoryResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }
}
