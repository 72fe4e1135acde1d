package org.medicore.fhir.grpc;

import io.grpc.Channel;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ResourceInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentResponse;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentResponse;
import org.medicore.contracts.appointment.v1.GetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.GetWorkingHoursResponse;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsResponse;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersResponse;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetBillingAccountResponse;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.GetInvoiceResponse;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.GetReportStatusResponse;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.AttachLabResultResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.records.Registration;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The services' gRPC APIs, called with the caller's own token in {@code authorization} and a
 * deadline, so patient-service, appointment-service, lab-processor and billing-service check and audit the call as they do the
 * BFF's: the FHIR API holds no rights of its own.
 */
final class GrpcClinicRecords implements ClinicRecords {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Channel patientService;
    private final Channel appointmentService;
    private final Channel labService;
    private final Channel billingService;
    private final Duration deadline;

    GrpcClinicRecords(Channel patientService, Channel appointmentService, Channel labService, Channel billingService,
                      Duration deadline) {
        this.patientService = patientService;
        this.appointmentService = appointmentService;
        this.labService = labService;
        this.billingService = billingService;
        this.deadline = deadline;
    }

    @Override
    public GetPatientResponse patient(Caller caller, GetPatientRequest request) {
        return patients(caller).getPatient(request);
    }

    @Override
    public SearchPatientsResponse searchPatients(Caller caller, SearchPatientsRequest request) {
        return patients(caller).searchPatients(request);
    }

    @Override
    public ListLabResultsResponse labResults(Caller caller, ListLabResultsRequest request) {
        return patients(caller).listLabResults(request);
    }

    @Override
    public ListHistoryResponse history(Caller caller, ListHistoryRequest request) {
        return patients(caller).listHistory(request);
    }

    @Override
    public Registration register(Caller caller, RegisterPatientRequest request) {
        try {
            return new Registration.Registered(patients(caller).registerPatient(request).getPatient());
        } catch (StatusRuntimeException refused) {
            return registeredAlready(refused).<Registration>map(Registration.AlreadyRegistered::new).orElseThrow(() -> refused);
        }
    }

    @Override
    public UpdateDemographicsResponse updateDemographics(Caller caller, UpdateDemographicsRequest request) {
        return patients(caller).updateDemographics(request);
    }

    @Override
    public AddHistoryEntryResponse addHistoryEntry(Caller caller, AddHistoryEntryRequest request) {
        return patients(caller).addHistoryEntry(request);
    }

    @Override
    public AttachLabResultResponse attachLabResult(Caller caller, AttachLabResultRequest request) {
        return patients(caller).attachLabResult(request);
    }

    /**
     * The existing patient's id when patient-service refused a registration as a duplicate person
     * (ALREADY_EXISTS naming a Patient); another ALREADY_EXISTS (the account is linked elsewhere) stays a refusal.
     */
    private static Optional<String> registeredAlready(StatusRuntimeException refused) {
        com.google.rpc.Status details = StatusProto.fromThrowable(refused);
        if (refused.getStatus().getCode() != Status.Code.ALREADY_EXISTS || details == null) {
            return Optional.empty();
        }
        return details.getDetailsList().stream().filter(detail -> detail.is(ResourceInfo.class)).findFirst().flatMap(detail -> {
            try {
                return Optional.of(detail.unpack(ResourceInfo.class));
            } catch (InvalidProtocolBufferException unreadable) {
                return Optional.empty();
            }
        }).filter(info -> info.getResourceType().equals("medicore.patient.v1.Patient") && !info.getResourceName().isBlank())
                .map(ResourceInfo::getResourceName);
    }

    @Override
    public GetAppointmentResponse appointment(Caller caller, GetAppointmentRequest request) {
        return appointments(caller).getAppointment(request);
    }

    @Override
    public ListAppointmentsByPatientResponse appointmentsOf(Caller caller, ListAppointmentsByPatientRequest request) {
        return appointments(caller).listAppointmentsByPatient(request);
    }

    @Override
    public BatchGetPractitionersResponse practitioners(Caller caller, BatchGetPractitionersRequest request) {
        return appointments(caller).batchGetPractitioners(request);
    }

    @Override
    public ListPractitionersResponse listPractitioners(Caller caller, ListPractitionersRequest request) {
        return appointments(caller).listPractitioners(request);
    }

    @Override
    public GetWorkingHoursResponse workingHours(Caller caller, GetWorkingHoursRequest request) {
        return appointments(caller).getWorkingHours(request);
    }

    @Override
    public ListFreeSlotsResponse freeSlots(Caller caller, ListFreeSlotsRequest request) {
        return appointments(caller).listFreeSlots(request);
    }

    @Override
    public BookAppointmentResponse book(Caller caller, BookAppointmentRequest request) {
        return appointments(caller).bookAppointment(request);
    }

    @Override
    public CancelAppointmentResponse cancel(Caller caller, CancelAppointmentRequest request) {
        return appointments(caller).cancelAppointment(request);
    }

    @Override
    public GetReportStatusResponse labReport(Caller caller, GetReportStatusRequest request) {
        return labs(caller).getReportStatus(request);
    }

    @Override
    public GetReportDownloadUrlResponse labReportFile(Caller caller, GetReportDownloadUrlRequest request) {
        return labs(caller).getReportDownloadUrl(request);
    }

    @Override
    public ListReportsByPatientResponse labReports(Caller caller, ListReportsByPatientRequest request) {
        return labs(caller).listReportsByPatient(request);
    }

    @Override
    public ListResultsByPatientResponse reportResults(Caller caller, ListResultsByPatientRequest request) {
        return labs(caller).listResultsByPatient(request);
    }

    @Override
    public GetBillingAccountResponse billingAccount(Caller caller, GetBillingAccountRequest request) {
        return billing(caller).getBillingAccount(request);
    }

    @Override
    public GetInvoiceResponse invoice(Caller caller, GetInvoiceRequest request) {
        return billing(caller).getInvoice(request);
    }

    @Override
    public ListInvoicesByPatientResponse invoicesOf(Caller caller, ListInvoicesByPatientRequest request) {
        return billing(caller).listInvoicesByPatient(request);
    }

    private BillingServiceGrpc.BillingServiceBlockingStub billing(Caller caller) {
        return forCaller(BillingServiceGrpc.newBlockingStub(billingService), caller);
    }

    private LabServiceGrpc.LabServiceBlockingStub labs(Caller caller) {
        return forCaller(LabServiceGrpc.newBlockingStub(labService), caller);
    }

    private PatientServiceGrpc.PatientServiceBlockingStub patients(Caller caller) {
        return forCaller(PatientServiceGrpc.newBlockingStub(patientService), caller);
    }

    private AppointmentServiceGrpc.AppointmentServiceBlockingStub appointments(Caller caller) {
        return forCaller(AppointmentServiceGrpc.newBlockingStub(appointmentService), caller);
    }

    private <S extends AbstractStub<S>> S forCaller(S stub, Caller caller) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + caller.bearerToken());
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
