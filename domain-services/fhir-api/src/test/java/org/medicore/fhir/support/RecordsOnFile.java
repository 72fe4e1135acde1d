package org.medicore.fhir.support;

import io.grpc.Status;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentStatus;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.appointment.v1.BookAppointmentResponse;
import org.medicore.contracts.appointment.v1.CancelAppointmentRequest;
import org.medicore.contracts.appointment.v1.CancelAppointmentResponse;
import org.medicore.contracts.appointment.v1.Cancellation;
import org.medicore.contracts.appointment.v1.GetWorkingHoursRequest;
import org.medicore.contracts.appointment.v1.GetWorkingHoursResponse;
import org.medicore.contracts.appointment.v1.ListFreeSlotsRequest;
import org.medicore.contracts.appointment.v1.ListFreeSlotsResponse;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.Slot;
import org.medicore.contracts.appointment.v1.WorkingHours;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersResponse;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.billing.v1.BillingAccount;
import org.medicore.contracts.billing.v1.GetBillingAccountRequest;
import org.medicore.contracts.billing.v1.GetBillingAccountResponse;
import org.medicore.contracts.billing.v1.GetInvoiceRequest;
import org.medicore.contracts.billing.v1.GetInvoiceResponse;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientRequest;
import org.medicore.contracts.billing.v1.ListInvoicesByPatientResponse;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlRequest;
import org.medicore.contracts.lab.v1.GetReportDownloadUrlResponse;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.GetReportStatusResponse;
import org.medicore.contracts.lab.v1.LabReport;
import org.medicore.contracts.lab.v1.LabReportStatus;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.lab.v1.ListReportsByPatientRequest;
import org.medicore.contracts.lab.v1.ListReportsByPatientResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.patient.v1.AddHistoryEntryRequest;
import org.medicore.contracts.patient.v1.AddHistoryEntryResponse;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.AttachLabResultResponse;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsResponse;
import org.medicore.fhir.records.Registration;
import org.medicore.contracts.patient.v1.GetPatientResponse;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.SearchPatientsRequest;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.records.LinkedFiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The services' answers kept in memory, for tests of the HTTP layer: the port faked, the mapping
 * and the HTTP layer real. Pages like the services do (page size, an opaque token: here the offset),
 * answers NOT_FOUND for an unknown id and PERMISSION_DENIED for a patient the caller may not see
 * (any patient but their own for a PATIENT token), and remembers the callers it served. Books
 * only a free slot (FAILED_PRECONDITION otherwise, as appointment-service), once per idempotency key,
 * and cancels with a reason, of the current version. Billing is refused to a doctor (PERMISSION_DENIED,
 * as billing-service: a patient sees their own, billing staff and admins everyone's). A lab report's
 * PDF is handed out as a link {@code memory:lab-reports/<id>} (FAILED_PRECONDITION for a rejected report,
 * as lab-processor) and fetched through the same object, its bytes those of {@link #pdfOf}.
 * Registers a patient as patient-service does, refusing a second one with the same family and given
 * name, date of birth and e-mail (ALREADY_EXISTS naming the existing patient); changes demographics of
 * the current version only; appends history entries; attaches a lab result once per idempotency key.
 * Writes are refused to anyone but DOCTOR and ADMIN, as patient-service refuses clinical data to others.
 */
public final class RecordsOnFile implements ClinicRecords, LinkedFiles {

    private static final String FILE_LINK = "memory:lab-reports/";

    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final List<LabResult> labResults = new ArrayList<>();
    private final List<LabReport> labReports = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final Map<String, Practitioner> practitioners = new LinkedHashMap<>();
    private final Map<String, WorkingHours> workingHours = new LinkedHashMap<>();
    private final List<Slot> freeSlots = new ArrayList<>();
    private final Map<String, BillingAccount> accounts = new LinkedHashMap<>();
    private final List<Invoice> invoices = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, LabResult> attached = new LinkedHashMap<>();
    private int writes;
    private int failingFromWrite = Integer.MAX_VALUE;
    private Status writeFailure = Status.OK;
    private Status outage = Status.OK;

    /** Alice and her whole record: lab results and the report they were read from, history, a booking with Dr Novak. */
    public RecordsOnFile withAlicesRecord() {
        return with(Clinic.alice().build()).with(Clinic.haemoglobin().build(), Clinic.aQualitativeResult().build())
                .with(Clinic.aProcessedReport().build())
                .with(Clinic.diabetes().build(), Clinic.penicillinAllergy().build(), Clinic.metformin().build(), Clinic.aNote().build())
                .with(Clinic.aBooking().build()).with(Clinic.drNovak().build());
    }

    public RecordsOnFile with(Patient... given) {
        for (Patient patient : given) {
            patients.put(patient.getId(), patient);
        }
        return this;
    }

    public RecordsOnFile with(LabResult... given) {
        labResults.addAll(List.of(given));
        return this;
    }

    public RecordsOnFile with(LabReport... given) {
        labReports.addAll(List.of(given));
        return this;
    }

    public RecordsOnFile with(HistoryEntry... given) {
        history.addAll(List.of(given));
        return this;
    }

    public RecordsOnFile with(Appointment... given) {
        appointments.addAll(List.of(given));
        return this;
    }

    public RecordsOnFile with(Practitioner... given) {
        for (Practitioner practitioner : given) {
            practitioners.put(practitioner.getId(), practitioner);
        }
        return this;
    }

    public RecordsOnFile with(WorkingHours... given) {
        for (WorkingHours hours : given) {
            workingHours.put(hours.getPractitionerId(), hours);
        }
        return this;
    }

    public RecordsOnFile with(Slot... given) {
        freeSlots.addAll(List.of(given));
        return this;
    }

    public RecordsOnFile with(BillingAccount... given) {
        for (BillingAccount account : given) {
            accounts.put(account.getPatientId(), account);
        }
        return this;
    }

    public RecordsOnFile with(Invoice... given) {
        invoices.addAll(List.of(given));
        return this;
    }

    /** Every call fails with {@code status} from now on ({@link Status#OK} for none): a service down or failing. */
    public void failWith(Status status) {
        outage = status;
    }

    /** Writes from the {@code nth} from now on (1 the next) fail with {@code status}: a service that goes away in the middle of an import. */
    public synchronized void failWritesFrom(int nth, Status status) {
        failingFromWrite = nth == Integer.MAX_VALUE ? nth : writes + nth;
        writeFailure = status;
    }

    /** How many writes the services were asked for (registrations, changes, entries, results; repeats of a key too). */
    public synchronized int writes() {
        return writes;
    }

    public List<Caller> callers() {
        return List.copyOf(callers);
    }

    @Override
    public GetPatientResponse patient(Caller caller, GetPatientRequest request) {
        return GetPatientResponse.newBuilder().setPatient(visible(caller, request.getPatientId())).build();
    }

    @Override
    public SearchPatientsResponse searchPatients(Caller caller, SearchPatientsRequest request) {
        callers.add(caller);
        List<Patient> found = patients.values().stream()
                .filter(patient -> patient.getName().getFamily().toLowerCase().startsWith(request.getFamilyNamePrefix().toLowerCase()))
                .filter(patient -> !request.hasDateOfBirth() || patient.getDateOfBirth().equals(request.getDateOfBirth()))
                .toList();
        Page<Patient> page = page(found, request.getPage());
        return SearchPatientsResponse.newBuilder().addAllPatients(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public ListLabResultsResponse labResults(Caller caller, ListLabResultsRequest request) {
        visible(caller, request.getPatientId());
        Page<LabResult> page = page(labResults.stream().filter(result -> result.getPatientId().equals(request.getPatientId()))
                .filter(result -> request.getCode().isEmpty() || result.getCode().equals(request.getCode())).toList(), request.getPage());
        return ListLabResultsResponse.newBuilder().addAllResults(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public ListHistoryResponse history(Caller caller, ListHistoryRequest request) {
        visible(caller, request.getPatientId());
        Page<HistoryEntry> page = page(history.stream().filter(entry -> entry.getPatientId().equals(request.getPatientId()))
                .filter(entry -> request.getKindsList().isEmpty() || request.getKindsList().contains(entry.getKind())).toList(),
                request.getPage());
        return ListHistoryResponse.newBuilder().addAllEntries(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public synchronized Registration register(Caller caller, RegisterPatientRequest request) {
        clinician(caller);
        Optional<Patient> same = patients.values().stream().filter(patient -> patient.getName().equals(request.getName())
                && patient.getDateOfBirth().equals(request.getDateOfBirth())
                && patient.getContact().getEmail().equals(request.getContact().getEmail())).findFirst();
        if (same.isPresent()) {
            return new Registration.AlreadyRegistered(same.get().getId());
        }
        Patient registered = Patient.newBuilder().setId(UUID.randomUUID().toString()).setVersion(1).setName(request.getName())
                .setDateOfBirth(request.getDateOfBirth()).setSex(request.getSex()).setContact(request.getContact())
                .setPreferredLanguage(request.getPreferredLanguage()).setCreatedAt(Clinic.at("2026-04-01T09:00:00Z"))
                .setUpdatedAt(Clinic.at("2026-04-01T09:00:00Z")).build();
        if (request.hasEmergencyContact()) {
            registered = registered.toBuilder().setEmergencyContact(request.getEmergencyContact()).build();
        }
        patients.put(registered.getId(), registered);
        return new Registration.Registered(registered);
    }

    @Override
    public synchronized UpdateDemographicsResponse updateDemographics(Caller caller, UpdateDemographicsRequest request) {
        clinician(caller);
        Patient current = visible(caller, request.getPatientId());
        if (request.getExpectedVersion() != current.getVersion()) {
            throw Status.ABORTED.withDescription("stale version").asRuntimeException();
        }
        Patient.Builder changed = current.toBuilder().setVersion(current.getVersion() + 1).setUpdatedAt(Clinic.at("2026-04-02T09:00:00Z"));
        for (String path : request.getUpdateMask().getPathsList()) {
            var field = UpdateDemographicsRequest.getDescriptor().findFieldByName(path);
            var target = Patient.getDescriptor().findFieldByName(path);
            if (field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE && !request.hasField(field)) {
                changed.clearField(target);
            } else {
                changed.setField(target, request.getField(field));
            }
        }
        patients.put(current.getId(), changed.build());
        return UpdateDemographicsResponse.newBuilder().setPatient(changed.build()).build();
    }

    @Override
    public synchronized AddHistoryEntryResponse addHistoryEntry(Caller caller, AddHistoryEntryRequest request) {
        clinician(caller);
        visible(caller, request.getPatientId());
        HistoryEntry.Builder entry = HistoryEntry.newBuilder().setId(UUID.randomUUID().toString()).setPatientId(request.getPatientId())
                .setRecordedAt(Clinic.at("2026-04-01T09:30:00Z"));
        switch (request.getDetailCase()) {
            case CONDITION -> entry.setKind(HistoryEntryKind.CONDITION).setCondition(request.getCondition());
            case ALLERGY -> entry.setKind(HistoryEntryKind.ALLERGY).setAllergy(request.getAllergy());
            case MEDICATION -> entry.setKind(HistoryEntryKind.MEDICATION).setMedication(request.getMedication());
            case NOTE -> entry.setKind(HistoryEntryKind.NOTE).setNote(request.getNote());
            case DETAIL_NOT_SET -> throw Status.INVALID_ARGUMENT.withDescription("detail: required").asRuntimeException();
        }
        history.add(entry.build());
        return AddHistoryEntryResponse.newBuilder().setEntry(entry.build()).build();
    }

    @Override
    public synchronized AttachLabResultResponse attachLabResult(Caller caller, AttachLabResultRequest request) {
        clinician(caller);
        visible(caller, request.getPatientId());
        LabResult earlier = attached.get(request.getIdempotencyKey());
        if (earlier != null) {
            return AttachLabResultResponse.newBuilder().setResult(earlier).build();
        }
        LabResult result = request.getResult().toBuilder().setId(UUID.randomUUID().toString()).setPatientId(request.getPatientId())
                .setRecordedAt(Clinic.at("2026-04-01T09:45:00Z")).build();
        attached.put(request.getIdempotencyKey(), result);
        labResults.add(result);
        return AttachLabResultResponse.newBuilder().setResult(result).build();
    }

    private void clinician(Caller caller) {
        callers.add(caller);
        writes++;
        if (!outage.isOk()) {
            throw outage.asRuntimeException();
        }
        if (writes >= failingFromWrite) {
            throw writeFailure.asRuntimeException();
        }
        if (!caller.roles().contains("DOCTOR") && !caller.roles().contains("ADMIN")) {
            throw Status.PERMISSION_DENIED.asRuntimeException();
        }
    }

    @Override
    public GetAppointmentResponse appointment(Caller caller, GetAppointmentRequest request) {
        callers.add(caller);
        Appointment appointment = appointments.stream().filter(found -> found.getId().equals(request.getAppointmentId())).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.asRuntimeException());
        visible(caller, appointment.getPatientId());
        return GetAppointmentResponse.newBuilder().setAppointment(appointment).build();
    }

    @Override
    public ListAppointmentsByPatientResponse appointmentsOf(Caller caller, ListAppointmentsByPatientRequest request) {
        visible(caller, request.getPatientId());
        Page<Appointment> page = page(appointments.stream().filter(found -> found.getPatientId().equals(request.getPatientId()))
                .sorted((a, b) -> Long.compare(b.getStart().getSeconds(), a.getStart().getSeconds())).toList(), request.getPage());
        return ListAppointmentsByPatientResponse.newBuilder().addAllAppointments(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public BatchGetPractitionersResponse practitioners(Caller caller, BatchGetPractitionersRequest request) {
        callers.add(caller);
        BatchGetPractitionersResponse.Builder found = BatchGetPractitionersResponse.newBuilder();
        request.getPractitionerIdsList().forEach(id -> {
            if (practitioners.containsKey(id)) {
                found.addPractitioners(practitioners.get(id));
            } else {
                found.addMissingPractitionerIds(id);
            }
        });
        return found.build();
    }

    @Override
    public ListPractitionersResponse listPractitioners(Caller caller, ListPractitionersRequest request) {
        callers.add(caller);
        Page<Practitioner> page = page(practitioners.values().stream()
                .filter(practitioner -> request.getSpecialty().isEmpty() || practitioner.getSpecialty().equals(request.getSpecialty()))
                .toList(), request.getPage());
        return ListPractitionersResponse.newBuilder().addAllPractitioners(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public GetWorkingHoursResponse workingHours(Caller caller, GetWorkingHoursRequest request) {
        callers.add(caller);
        WorkingHours hours = workingHours.get(request.getPractitionerId());
        if (hours == null) {
            throw Status.NOT_FOUND.withDescription("working hours not found").asRuntimeException();
        }
        return GetWorkingHoursResponse.newBuilder().setWorkingHours(hours).build();
    }

    @Override
    public synchronized ListFreeSlotsResponse freeSlots(Caller caller, ListFreeSlotsRequest request) {
        callers.add(caller);
        LocalDate from = LocalDate.of(request.getFromDate().getYear(), request.getFromDate().getMonth(), request.getFromDate().getDay());
        LocalDate to = LocalDate.of(request.getToDate().getYear(), request.getToDate().getMonth(), request.getToDate().getDay());
        return ListFreeSlotsResponse.newBuilder().setTimeZone("UTC").addAllSlots(freeSlots.stream()
                .filter(slot -> slot.getPractitionerId().equals(request.getPractitionerId()))
                .filter(slot -> slot.getAppointmentType() == request.getAppointmentType())
                .filter(slot -> {
                    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(slot.getStart().getSeconds(), 86_400L));
                    return !day.isBefore(from) && !day.isAfter(to);
                }).toList()).build();
    }

    @Override
    public synchronized BookAppointmentResponse book(Caller caller, BookAppointmentRequest request) {
        visible(caller, request.getPatientId());
        String id = UUID.nameUUIDFromBytes(request.getIdempotencyKey().getBytes(StandardCharsets.UTF_8)).toString();
        Optional<Appointment> earlier = appointments.stream().filter(booked -> booked.getId().equals(id)).findFirst();
        if (earlier.isPresent()) {
            return BookAppointmentResponse.newBuilder().setAppointment(earlier.get()).build();
        }
        Slot slot = freeSlots.stream().filter(free -> free.getPractitionerId().equals(request.getPractitionerId())
                        && free.getStart().equals(request.getStart()) && free.getAppointmentType() == request.getAppointmentType())
                .findFirst().orElseThrow(() -> Status.FAILED_PRECONDITION.withDescription("the slot is not free").asRuntimeException());
        freeSlots.remove(slot);
        Appointment booked = Appointment.newBuilder().setId(id).setPatientId(request.getPatientId())
                .setPractitionerId(request.getPractitionerId()).setAppointmentType(request.getAppointmentType())
                .setStatus(AppointmentStatus.BOOKED).setStart(slot.getStart()).setEnd(slot.getEnd()).setReason(request.getReason())
                .setVersion(1).setCreatedAt(Clinic.at("2026-03-30T09:00:00Z")).setUpdatedAt(Clinic.at("2026-03-30T09:00:00Z")).build();
        appointments.add(booked);
        return BookAppointmentResponse.newBuilder().setAppointment(booked).build();
    }

    @Override
    public synchronized CancelAppointmentResponse cancel(Caller caller, CancelAppointmentRequest request) {
        Appointment current = appointment(caller, GetAppointmentRequest.newBuilder().setAppointmentId(request.getAppointmentId()).build())
                .getAppointment();
        if (request.getExpectedVersion() != 0 && request.getExpectedVersion() != current.getVersion()) {
            throw Status.ABORTED.withDescription("the resource changed; re-read and retry").asRuntimeException();
        }
        if (request.getReason().isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("reason: required").asRuntimeException();
        }
        Appointment cancelled = current.toBuilder().setStatus(AppointmentStatus.CANCELLED).setVersion(current.getVersion() + 1)
                .setCancellation(Cancellation.newBuilder().setReason(request.getReason()).setCancelledAt(Clinic.at("2026-03-31T09:00:00Z")))
                .setUpdatedAt(Clinic.at("2026-03-31T09:00:00Z")).build();
        appointments.set(appointments.indexOf(current), cancelled);
        return CancelAppointmentResponse.newBuilder().setAppointment(cancelled).build();
    }

    @Override
    public GetReportStatusResponse labReport(Caller caller, GetReportStatusRequest request) {
        callers.add(caller);
        LabReport report = labReports.stream().filter(found -> found.getId().equals(request.getReportId())).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.asRuntimeException());
        visible(caller, report.getPatientId());
        return GetReportStatusResponse.newBuilder().setReport(report).build();
    }

    @Override
    public GetReportDownloadUrlResponse labReportFile(Caller caller, GetReportDownloadUrlRequest request) {
        LabReport report = labReports.stream().filter(found -> found.getId().equals(request.getReportId())).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.asRuntimeException());
        visible(caller, report.getPatientId());
        if (report.getStatus() == LabReportStatus.REJECTED) {
            throw Status.FAILED_PRECONDITION.withDescription("the report's file was refused").asRuntimeException();
        }
        return GetReportDownloadUrlResponse.newBuilder().setDownloadUrl(FILE_LINK + report.getId())
                .setContentType("application/pdf").setSizeBytes(pdfOf(report.getId()).length)
                .setFileName(report.getFileName()).setPatientId(report.getPatientId()).build();
    }

    @Override
    public byte[] fetch(URI link) {
        if (!link.toString().startsWith(FILE_LINK)) {
            throw new UnreachableFile("no file at " + link);
        }
        return pdfOf(link.toString().substring(FILE_LINK.length()));
    }

    /** The bytes of a report's PDF: not all of them text, as in a real one. */
    public static byte[] pdfOf(String reportId) {
        return ("%PDF-1.7\n%\u00e2\u00e3 report " + reportId + "\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public ListReportsByPatientResponse labReports(Caller caller, ListReportsByPatientRequest request) {
        visible(caller, request.getPatientId());
        Page<LabReport> page = page(labReports.stream().filter(report -> report.getPatientId().equals(request.getPatientId())).toList(),
                request.getPage());
        return ListReportsByPatientResponse.newBuilder().addAllReports(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public ListResultsByPatientResponse reportResults(Caller caller, ListResultsByPatientRequest request) {
        visible(caller, request.getPatientId());
        Page<LabResult> page = page(labResults.stream().filter(result -> result.getPatientId().equals(request.getPatientId()))
                .filter(result -> result.getSourceReportId().equals(request.getReportId())).toList(), request.getPage());
        return ListResultsByPatientResponse.newBuilder().addAllResults(page.items()).setPageInfo(page.info()).build();
    }

    @Override
    public GetBillingAccountResponse billingAccount(Caller caller, GetBillingAccountRequest request) {
        billed(caller, request.getPatientId());
        return Optional.ofNullable(accounts.get(request.getPatientId()))
                .map(account -> GetBillingAccountResponse.newBuilder().setAccount(account).build())
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no account").asRuntimeException());
    }

    @Override
    public GetInvoiceResponse invoice(Caller caller, GetInvoiceRequest request) {
        Invoice invoice = invoices.stream().filter(kept -> kept.getId().equals(request.getInvoiceId())).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no invoice").asRuntimeException());
        billed(caller, invoice.getPatientId());
        return GetInvoiceResponse.newBuilder().setInvoice(invoice).build();
    }

    @Override
    public ListInvoicesByPatientResponse invoicesOf(Caller caller, ListInvoicesByPatientRequest request) {
        billed(caller, request.getPatientId());
        Page<Invoice> page = page(invoices.stream().filter(invoice -> invoice.getPatientId().equals(request.getPatientId())).toList(),
                request.getPage());
        return ListInvoicesByPatientResponse.newBuilder().addAllInvoices(page.items()).setPageInfo(page.info()).build();
    }

    private void billed(Caller caller, String patientId) {
        visible(caller, patientId);
        if (caller.roles().contains("DOCTOR") && !caller.roles().contains("BILLING") && !caller.roles().contains("ADMIN")) {
            throw Status.PERMISSION_DENIED.asRuntimeException();
        }
    }

    private Patient visible(Caller caller, String patientId) {
        callers.add(caller);
        if (!outage.isOk()) {
            throw outage.asRuntimeException();
        }
        Patient patient = patients.get(patientId);
        if (patient == null) {
            throw Status.NOT_FOUND.withDescription("no patient " + patientId).asRuntimeException();
        }
        if (isPatientOnly(caller) && !patient.getKeycloakSubject().equals(caller.subject())) {
            throw Status.PERMISSION_DENIED.asRuntimeException();
        }
        return patient;
    }

    /**
     * As patient-service decides: a caller who holds PATIENT and no staff role sees their own record only. The
     * roles are every realm role of the token, so a real one carries Keycloak's own roles beside MediCore's.
     */
    private static boolean isPatientOnly(Caller caller) {
        return caller.roles().contains("PATIENT") && Collections.disjoint(caller.roles(), Set.of("DOCTOR", "BILLING", "ADMIN"));
    }

    private record Page<T>(List<T> items, PageInfo info) {
    }

    private static <T> Page<T> page(List<T> all, PageRequest request) {
        int size = request.getPageSize() == 0 ? 20 : request.getPageSize();
        int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken().substring("offset-".length()));
        int to = Math.min(all.size(), from + size);
        Function<Integer, String> token = offset -> offset < all.size() ? "offset-" + offset : "";
        return new Page<>(all.subList(Math.min(from, all.size()), to),
                PageInfo.newBuilder().setNextPageToken(token.apply(to)).setTotalSize(all.size()).build());
    }
}
