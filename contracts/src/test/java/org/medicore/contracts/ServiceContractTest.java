package org.medicore.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.contracts.notification.v1.NotificationServiceGrpc;
import org.medicore.contracts.patient.v1.ErasureServiceGrpc;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

class ServiceContractTest {

    @Test
    void the_patient_service_offers_records_history_and_lab_results() {
        assertThat(rpcNames(PatientServiceGrpc.getServiceDescriptor())).containsExactlyInAnyOrder(
                "RegisterPatient", "GetPatient", "BatchGetPatients", "SearchPatients",
                "UpdateDemographics", "AddHistoryEntry", "ListHistory",
                "AttachLabResult", "ListLabResults");
    }

    @Test
    void the_patient_service_takes_and_decides_erasure_requests() {
        assertThat(rpcNames(ErasureServiceGrpc.getServiceDescriptor())).containsExactlyInAnyOrder(
                "RequestErasure", "ListPendingErasureRequests", "ApproveErasureRequest", "DeclineErasureRequest",
                "GetErasureRequest");
    }

    @Test
    void the_appointment_service_offers_practitioners_hours_slots_and_bookings() {
        assertThat(rpcNames(AppointmentServiceGrpc.getServiceDescriptor())).containsExactlyInAnyOrder(
                "CreatePractitioner", "GetPractitioner", "ListPractitioners",
                "SetWorkingHours", "GetWorkingHours", "ListFreeSlots",
                "BookAppointment", "CancelAppointment", "RescheduleAppointment",
                "CheckIn", "CompleteAppointment", "MarkNoShow", "GetAppointment",
                "ListAppointmentsByPatient", "ListAppointmentsByPractitionerDay",
                "BatchGetPractitioners", "BatchGetAppointments", "BatchListAppointmentsByPatients");
    }

    @Test
    void the_billing_service_offers_accounts_fees_invoices_and_payments() {
        assertThat(rpcNames(BillingServiceGrpc.getServiceDescriptor())).containsExactlyInAnyOrder(
                "GetBillingAccount", "GetFeeSchedule", "UpdateFeeSchedule",
                "GetInvoice", "ListInvoicesByPatient", "ListInvoicesDue", "RecordPayment", "VoidInvoice",
                "BatchListInvoicesByPatients", "BatchGetInvoicesByAppointments");
    }

    @Test
    void the_lab_service_offers_upload_confirmation_status_download_results_hl7_and_review() {
        assertThat(rpcNames(LabServiceGrpc.getServiceDescriptor())).containsExactlyInAnyOrder(
                "RequestUploadUrl", "ConfirmUpload", "GetReportStatus", "GetReportDownloadUrl", "ListResultsByPatient",
                "ListReportsByPatient", "SubmitHl7Message", "ListReviewQueue", "DecideReview");
    }

    @Test
    void the_notification_service_offers_the_record_of_what_was_sent() {
        assertThat(rpcNames(NotificationServiceGrpc.getServiceDescriptor())).containsExactly("ListNotifications", "GetMessagePreferences",
                "UpdateMessagePreferences");
    }

    @Test
    void every_rpc_takes_its_own_request_and_returns_its_own_response() {
        for (FileDescriptorProto file : ContractDescriptors.files()) {
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto rpc : service.getMethodList()) {
                    String prefix = "." + file.getPackage() + "." + rpc.getName();
                    assertThat(rpc.getInputType()).as(service.getName() + "." + rpc.getName())
                            .isEqualTo(prefix + "Request");
                    assertThat(rpc.getOutputType()).as(service.getName() + "." + rpc.getName())
                            .isEqualTo(prefix + "Response");
                    assertThat(rpc.getClientStreaming() || rpc.getServerStreaming()).isFalse();
                }
            }
        }
    }

    private static List<String> rpcNames(ServiceDescriptor service) {
        return service.getMethods().stream().map(MethodDescriptor::getBareMethodName).toList();
    }
}
