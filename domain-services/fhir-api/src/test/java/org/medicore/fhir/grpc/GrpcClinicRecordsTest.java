package org.medicore.fhir.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import com.google.protobuf.Any;
import com.google.rpc.ResourceInfo;
import io.grpc.Server;
import io.grpc.protobuf.StatusProto;
import org.medicore.contracts.common.v1.PersonName;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.RegisterPatientResponse;
import org.medicore.fhir.records.Registration;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.GetInvoiceResponse;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.support.Clinic;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gRPC adapter against an in-process patient-, billing-service and lab-processor: the caller's token relayed, a deadline on each call, refusals passed on. */
class GrpcClinicRecordsTest {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Boolean> deadlines = new CopyOnWriteArrayList<>();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void startPatientService() throws Exception {
        String name = InProcessServerBuilder.generateName();
        ServerInterceptor seeing = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                authorizations.add(headers.get(AUTHORIZATION));
                deadlines.add(Context.current().getDeadline() != null);
                return Contexts.interceptCall(Context.current(), call, headers, next);
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new PatientServiceGrpc.PatientServiceImplBase() {
                    @Override
                    public void getPatient(GetPatientRequest request, StreamObserver<GetPatientResponse> answer) {
                        if (!request.getPatientId().equals(Clinic.ALICE)) {
                            answer.onError(Status.NOT_FOUND.withDescription("no patient").asRuntimeException());
                            return;
                        }
                        answer.onNext(GetPatientResponse.newBuilder().setPatient(Clinic.alice()).build());
                        answer.onCompleted();
                    }

                    /** As patient-service: Alice's name, birth date and e-mail are taken; a linked account is another duplicate. */
                    @Override
                    public void registerPatient(RegisterPatientRequest request, StreamObserver<RegisterPatientResponse> answer) {
                        if (request.getName().getFamily().equals("Smith")) {
                            answer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                                    .setCode(Status.Code.ALREADY_EXISTS.value()).setMessage("duplicate patient")
                                    .addDetails(Any.pack(ResourceInfo.newBuilder().setResourceType("medicore.patient.v1.Patient")
                                            .setResourceName(Clinic.ALICE).build())).build()));
                            return;
                        }
                        if (!request.getKeycloakSubject().isEmpty()) {
                            answer.onError(Status.ALREADY_EXISTS.withDescription("the account is linked to another patient").asRuntimeException());
                            return;
                        }
                        answer.onNext(RegisterPatientResponse.newBuilder().setPatient(Clinic.aPatient("new-id", request.getName().getGiven(),
                                request.getName().getFamily())).build());
                        answer.onCompleted();
                    }
                }, seeing))
                .addService(ServerInterceptors.intercept(new BillingServiceGrpc.BillingServiceImplBase() {
                    @Override
                    public void getInvoice(GetInvoiceRequest request, StreamObserver<GetInvoiceResponse> answer) {
                        answer.onNext(GetInvoiceResponse.newBuilder().setInvoice(Clinic.aPartlyPaidInvoice().setId(request.getInvoiceId())).build());
                        answer.onCompleted();
                    }
                }, seeing))
                .addService(ServerInterceptors.intercept(new LabServiceGrpc.LabServiceImplBase() {
                    @Override
                    public void getReportDownloadUrl(GetReportDownloadUrlRequest request,
                                                     StreamObserver<GetReportDownloadUrlResponse> answer) {
                        if (!request.getReportId().equals(Clinic.aProcessedReport().getId())) {
                            answer.onError(Status.FAILED_PRECONDITION.withDescription("the report's file was refused").asRuntimeException());
                            return;
                        }
                        answer.onNext(GetReportDownloadUrlResponse.newBuilder().setDownloadUrl("https://store.example/report.pdf?X-Amz-Signature=1")
                                .setContentType("application/pdf").setPatientId(Clinic.ALICE).build());
                        answer.onCompleted();
                    }
                }, seeing)).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void a_read_carries_the_callers_own_token_and_a_deadline() {
        GrpcClinicRecords records = new GrpcClinicRecords(channel, channel, channel, channel, Duration.ofSeconds(2));

        GetPatientResponse found = records.patient(new Caller("alice-token", "alice-subject", Set.of("PATIENT")),
                GetPatientRequest.newBuilder().setPatientId(Clinic.ALICE).build());

        assertThat(found.getPatient().getId()).isEqualTo(Clinic.ALICE);
        assertThat(authorizations).containsExactly("Bearer alice-token");
        assertThat(deadlines).containsExactly(true);
    }

    @Test
    void a_registration_answers_the_new_patient_or_the_one_registered_already_and_passes_other_refusals_on() {
        GrpcClinicRecords records = new GrpcClinicRecords(channel, channel, channel, channel, Duration.ofSeconds(2));
        Caller doctor = new Caller("doctor-token", "doctor-subject", Set.of("DOCTOR"));
        RegisterPatientRequest.Builder request = RegisterPatientRequest.newBuilder()
                .setName(PersonName.newBuilder().setGiven("Dora").setFamily("Weiss"));

        Registration dora = records.register(doctor, request.build());
        Registration alice = records.register(doctor, request.setName(PersonName.newBuilder().setGiven("Alice").setFamily("Smith")).build());
        StatusRuntimeException linked = catchThrowableOfType(StatusRuntimeException.class, () -> records.register(doctor,
                request.setName(PersonName.newBuilder().setGiven("Dora").setFamily("Weiss")).setKeycloakSubject("taken").build()));

        assertThat(dora).isInstanceOfSatisfying(Registration.Registered.class, registered ->
                assertThat(registered.patient().getId()).isEqualTo("new-id"));
        assertThat(alice).isEqualTo(new Registration.AlreadyRegistered(Clinic.ALICE));
        assertThat(linked.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(authorizations).containsOnly("Bearer doctor-token");
    }

    @Test
    void a_refusal_of_the_service_reaches_the_http_layer_as_its_status() {
        GrpcClinicRecords records = new GrpcClinicRecords(channel, channel, channel, channel, Duration.ofSeconds(2));

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> records.patient(
                new Caller("doctor-token", "doctor-subject", Set.of("DOCTOR")),
                GetPatientRequest.newBuilder().setPatientId("unknown").build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void a_lab_reports_file_link_is_asked_of_lab_processor_with_the_callers_own_token_and_its_refusal_passed_on() {
        GrpcClinicRecords records = new GrpcClinicRecords(channel, channel, channel, channel, Duration.ofSeconds(2));
        Caller alice = new Caller("alice-token", "alice-subject", Set.of("PATIENT"));

        GetReportDownloadUrlResponse link = records.labReportFile(alice,
                GetReportDownloadUrlRequest.newBuilder().setReportId(Clinic.aProcessedReport().getId()).build());
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> records.labReportFile(alice,
                GetReportDownloadUrlRequest.newBuilder().setReportId("a-rejected-report").build()));

        assertThat(link.getDownloadUrl()).startsWith("https://store.example/report.pdf");
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(authorizations).containsExactly("Bearer alice-token", "Bearer alice-token");
        assertThat(deadlines).containsExactly(true, true);
    }

    @Test
    void an_invoice_is_read_from_billing_service_with_the_callers_own_token() {
        GrpcClinicRecords records = new GrpcClinicRecords(channel, channel, channel, channel, Duration.ofSeconds(2));

        GetInvoiceResponse found = records.invoice(new Caller("billing-token", "billing-subject", Set.of("BILLING")),
                GetInvoiceRequest.newBuilder().setInvoiceId("invoice-1").build());

        assertThat(found.getInvoice().getId()).isEqualTo("invoice-1");
        assertThat(authorizations).containsExactly("Bearer billing-token");
        assertThat(deadlines).containsExactly(true);
    }
}
