package org.medicore.fhir.export;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.records.Pages;
import org.medicore.fhir.resource.AccountResources;
import org.medicore.fhir.resource.AppointmentResources;
import org.medicore.fhir.resource.HistoryResources;
import org.medicore.fhir.resource.InvoiceResources;
import org.medicore.fhir.resource.LabReportResources;
import org.medicore.fhir.resource.LabResultObservations;
import org.medicore.fhir.resource.PatientResources;
import org.medicore.fhir.resource.PractitionerResources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A patient's whole record as FHIR resources, for {@code $everything} and the bulk export: the
 * patient, their conditions, allergies and medications, lab results, the lab reports they were read
 * from (lab-processor's; their results are the Observations, from patient-service), appointments
 * and the practitioners of those, the billing account and invoices. Every page of each list is read,
 * with the caller's token, so the services decide who may have it (the patient themself, their
 * doctors, admins) and audit each read. billing-service shows a doctor no one's billing: their copy
 * of the record says so in an OperationOutcome, so that nobody takes it for a record without bills.
 */
public final class WholeRecord {

    private static final int PAGE = 100;

    private final ClinicRecords records;

    public WholeRecord(ClinicRecords records) {
        this.records = records;
    }

    public PatientRecord of(Caller caller, String patientId) {
        List<Resource> record = new ArrayList<>();
        List<PatientRecord.LeftOut> leftOut = new ArrayList<>();
        record.add(PatientResources.of(records.patient(caller, GetPatientRequest.newBuilder().setPatientId(patientId).build()).getPatient()));
        record.addAll(history(caller, patientId));
        List<LabResult> labResults = labResults(caller, patientId);
        labResults.stream().map(LabResultObservations::of).forEach(record::add);
        record.addAll(labReports(caller, patientId, labResults));
        List<Appointment> appointments = appointments(caller, patientId);
        appointments.stream().map(AppointmentResources::of).forEach(record::add);
        record.addAll(practitionersOf(caller, appointments));
        billing(caller, patientId, record, leftOut);
        return new PatientRecord(record, leftOut);
    }

    /** Every practitioner of the clinic. */
    public List<Resource> practitioners(Caller caller) {
        return Pages.all(page -> records.listPractitioners(caller, ListPractitionersRequest.newBuilder().setPage(page).build()),
                ListPractitionersResponse::getPractitionersList, ListPractitionersResponse::getPageInfo)
                .stream().<Resource>map(PractitionerResources::of).toList();
    }

    private List<Resource> history(Caller caller, String patientId) {
        return Pages.all(page -> records.history(caller, ListHistoryRequest.newBuilder().setPatientId(patientId).setPage(page).build()),
                ListHistoryResponse::getEntriesList, ListHistoryResponse::getPageInfo)
                .stream().map(HistoryResources::of).flatMap(Optional::stream).toList();
    }

    private List<LabResult> labResults(Caller caller, String patientId) {
        return Pages.all(page -> records.labResults(caller, ListLabResultsRequest.newBuilder().setPatientId(patientId).setPage(page).build()),
                ListLabResultsResponse::getResultsList, ListLabResultsResponse::getPageInfo);
    }

    private List<Resource> labReports(Caller caller, String patientId, List<LabResult> results) {
        Map<String, List<LabResult>> byReport = results.stream().collect(Collectors.groupingBy(LabResult::getSourceReportId));
        return Pages.all(page -> records.labReports(caller, ListReportsByPatientRequest.newBuilder().setPatientId(patientId).setPage(page).build()),
                ListReportsByPatientResponse::getReportsList, ListReportsByPatientResponse::getPageInfo)
                .stream().map(report -> LabReportResources.of(report, byReport.getOrDefault(report.getId(), List.of())))
                .flatMap(Optional::stream).<Resource>map(diagnostic -> diagnostic).toList();
    }

    private List<Appointment> appointments(Caller caller, String patientId) {
        return Pages.all(page -> records.appointmentsOf(caller, ListAppointmentsByPatientRequest.newBuilder().setPatientId(patientId)
                        .setTimeFilter(AppointmentTimeFilter.ALL).setPage(page).build()),
                ListAppointmentsByPatientResponse::getAppointmentsList, ListAppointmentsByPatientResponse::getPageInfo);
    }

    private void billing(Caller caller, String patientId, List<Resource> record, List<PatientRecord.LeftOut> leftOut) {
        try {
            List<Resource> billing = new ArrayList<>();
            account(caller, patientId).ifPresent(billing::add);
            Pages.all(page -> records.invoicesOf(caller, ListInvoicesByPatientRequest.newBuilder().setPatientId(patientId).setPage(page).build()),
                            ListInvoicesByPatientResponse::getInvoicesList, ListInvoicesByPatientResponse::getPageInfo)
                    .stream().map(InvoiceResources::of).forEach(billing::add);
            record.addAll(billing);
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() != Status.Code.PERMISSION_DENIED) {
                throw refused;
            }
            leftOut.add(new PatientRecord.LeftOut(Set.of("Account", "Invoice"), billingWithheld(patientId)));
        }
    }

    /** A patient who was never charged has no billing account yet. */
    private Optional<Resource> account(Caller caller, String patientId) {
        try {
            return Optional.of(AccountResources.of(records.billingAccount(caller,
                    GetBillingAccountRequest.newBuilder().setPatientId(patientId).build()).getAccount()));
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw refused;
            }
            return Optional.empty();
        }
    }

    private static OperationOutcome billingWithheld(String patientId) {
        OperationOutcome withheld = new OperationOutcome();
        withheld.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.SUPPRESSED)
                .setDiagnostics("Account and Invoice of Patient/" + patientId + " are left out: the clinic's billing is not shown to this caller");
        return withheld;
    }

    /** The practitioners the appointments are with, 100 per call (the service's limit). */
    private List<Resource> practitionersOf(Caller caller, List<Appointment> appointments) {
        Set<String> ids = new LinkedHashSet<>();
        appointments.forEach(appointment -> ids.add(appointment.getPractitionerId()));
        List<String> all = List.copyOf(ids);
        List<Resource> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PAGE) {
            records.practitioners(caller, BatchGetPractitionersRequest.newBuilder()
                            .addAllPractitionerIds(all.subList(from, Math.min(all.size(), from + PAGE))).build())
                    .getPractitionersList().stream().map(PractitionerResources::of).forEach(found::add);
        }
        return found;
    }
}
