package org.medicore.fhir.records;

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
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;

/**
 * The reads of the domain services the FHIR resources are made of, and the bookings, cancellations
 * and imported records FHIR clients write, each on behalf of a caller.
 * The services' own messages cross this port unchanged: they are MediCore's published language,
 * and the FHIR mapping is from them. A refusal is the service's gRPC status
 * ({@code io.grpc.StatusRuntimeException}), which the HTTP layer turns into an OperationOutcome.
 */
public interface ClinicRecords {

    GetPatientResponse patient(Caller caller, GetPatientRequest request);

    SearchPatientsResponse searchPatients(Caller caller, SearchPatientsRequest request);

    ListLabResultsResponse labResults(Caller caller, ListLabResultsRequest request);

    ListHistoryResponse history(Caller caller, ListHistoryRequest request);

    /** A new patient, or the one patient-service already has with the same name, birth date and e-mail. */
    Registration register(Caller caller, RegisterPatientRequest request);

    UpdateDemographicsResponse updateDemographics(Caller caller, UpdateDemographicsRequest request);

    AddHistoryEntryResponse addHistoryEntry(Caller caller, AddHistoryEntryRequest request);

    /** Idempotent on the request's key: a repeat answers the result stored the first time. */
    AttachLabResultResponse attachLabResult(Caller caller, AttachLabResultRequest request);

    GetAppointmentResponse appointment(Caller caller, GetAppointmentRequest request);

    ListAppointmentsByPatientResponse appointmentsOf(Caller caller, ListAppointmentsByPatientRequest request);

    BatchGetPractitionersResponse practitioners(Caller caller, BatchGetPractitionersRequest request);

    ListPractitionersResponse listPractitioners(Caller caller, ListPractitionersRequest request);

    GetWorkingHoursResponse workingHours(Caller caller, GetWorkingHoursRequest request);

    ListFreeSlotsResponse freeSlots(Caller caller, ListFreeSlotsRequest request);

    BookAppointmentResponse book(Caller caller, BookAppointmentRequest request);

    CancelAppointmentResponse cancel(Caller caller, CancelAppointmentRequest request);

    GetReportStatusResponse labReport(Caller caller, GetReportStatusRequest request);

    /** A short-lived link to a lab report's original PDF; lab-processor decides whether the caller may have it. */
    GetReportDownloadUrlResponse labReportFile(Caller caller, GetReportDownloadUrlRequest request);

    ListReportsByPatientResponse labReports(Caller caller, ListReportsByPatientRequest request);

    ListResultsByPatientResponse reportResults(Caller caller, ListResultsByPatientRequest request);

    GetBillingAccountResponse billingAccount(Caller caller, GetBillingAccountRequest request);

    GetInvoiceResponse invoice(Caller caller, GetInvoiceRequest request);

    ListInvoicesByPatientResponse invoicesOf(Caller caller, ListInvoicesByPatientRequest request);
}
