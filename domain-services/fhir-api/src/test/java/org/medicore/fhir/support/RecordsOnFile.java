package org.medicore.fhir.support;

import io.grpc.Status;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersRequest;
import org.medicore.contracts.appointment.v1.BatchGetPractitionersResponse;
import org.medicore.contracts.appointment.v1.GetAppointmentRequest;
import org.medicore.contracts.appointment.v1.GetAppointmentResponse;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientRequest;
import org.medicore.contracts.appointment.v1.ListAppointmentsByPatientResponse;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.GetPatientRequest;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The services' answers kept in memory, for tests of the HTTP layer: the port faked, the mapping
 * and the HTTP layer real. Pages like the services do (page size, an opaque token: here the offset),
 * answers NOT_FOUND for an unknown id and PERMISSION_DENIED for a patient the caller may not see
 * (any patient but their own for a PATIENT token), and remembers the callers it served.
 */
public final class RecordsOnFile implements ClinicRecords {

    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final List<LabResult> labResults = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final Map<String, Practitioner> practitioners = new LinkedHashMap<>();
    private final List<Caller> callers = new ArrayList<>();
    private Status outage = Status.OK;

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

    /** Every call fails with {@code status} from now on ({@link Status#OK} for none): a service down or failing. */
    public void failWith(Status status) {
        outage = status;
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

    private Patient visible(Caller caller, String patientId) {
        callers.add(caller);
        if (!outage.isOk()) {
            throw outage.asRuntimeException();
        }
        Patient patient = patients.get(patientId);
        if (patient == null) {
            throw Status.NOT_FOUND.withDescription("no patient " + patientId).asRuntimeException();
        }
        if (caller.roles().equals(Set.of("PATIENT")) && !patient.getKeycloakSubject().equals(caller.subject())) {
            throw Status.PERMISSION_DENIED.asRuntimeException();
        }
        return patient;
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
