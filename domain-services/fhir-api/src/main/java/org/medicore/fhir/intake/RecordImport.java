package org.medicore.fhir.intake;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.medicore.contracts.lab.v1.LabResult;
import org.medicore.contracts.patient.v1.AttachLabResultRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.HistoryEntry;
import org.medicore.contracts.patient.v1.HistoryEntryKind;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.ListHistoryResponse;
import org.medicore.contracts.patient.v1.ListLabResultsRequest;
import org.medicore.contracts.patient.v1.ListLabResultsResponse;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.RegisterPatientRequest;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.fhir.records.Caller;
import org.medicore.fhir.records.ClinicRecords;
import org.medicore.fhir.records.Pages;
import org.medicore.fhir.records.Registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /fhir} with a transaction Bundle: one patient's record brought into MediCore through
 * patient-service, with the caller's token (registration or a change of demographics, history
 * entries, lab results entered by hand).
 *
 * <p>All or nothing as far as it can be decided before writing: the whole Bundle is read and mapped
 * first, and a Bundle with any entry MediCore can't record stores nothing. The writes are then several
 * gRPC calls to a service with no transaction across them and no way to take an entry back (the
 * history is append-only), so a failure midway (a service gone, a refusal only the service knows)
 * can't be rolled back; instead every write is idempotent, and the same Bundle posted again completes
 * it without doubling anything: the patient is found again by MediCore's identifier or by
 * patient-service's duplicate rule (the same name, birth date and e-mail), a history entry equal to a
 * current one is not added again, and a lab result goes with a key made of the patient and its content.
 * Such a failure is answered with what was stored ({@link PartlyImported}).
 */
public final class RecordImport {

    private static final List<String> DEMOGRAPHICS = List.of("name", "date_of_birth", "sex", "contact", "emergency_contact",
            "preferred_language");

    private final ClinicRecords records;

    public RecordImport(ClinicRecords records) {
        this.records = records;
    }

    public sealed interface Outcome {
    }

    /** Everything is recorded (or was already): the transaction-response Bundle, an entry per request entry. */
    public record Imported(Bundle response) implements Outcome {
    }

    /** Nothing was written: the issues with the Bundle, each naming its element. */
    public record Refused(OperationOutcome outcome) implements Outcome {
    }

    /** A write failed after others had succeeded: the failure, and the entries stored before it. */
    public static final class PartlyImported extends RuntimeException {

        private final List<String> stored;

        PartlyImported(RuntimeException cause, List<String> stored) {
            super("the import stopped after " + stored.size() + " stored entries", cause);
            this.stored = List.copyOf(stored);
        }

        /** The stored entries as FHIRPaths of the request Bundle ({@code Bundle.entry[0]}). */
        public List<String> stored() {
            return stored;
        }
    }

    public Outcome run(Caller caller, Bundle transaction) {
        return switch (TransactionReader.read(transaction)) {
            case TransactionReader.Refused refused -> new Refused(refused.outcome());
            case TransactionReader.Read read -> new Writes(caller, transaction.getEntry().size()).of(read.record());
        };
    }

    /** The writes of one import, remembering which entries are stored so a failure can say so. */
    private final class Writes {

        private final Caller caller;
        private final Bundle.BundleEntryResponseComponent[] answers;
        private final List<String> stored = new ArrayList<>();

        Writes(Caller caller, int entries) {
            this.caller = caller;
            this.answers = new Bundle.BundleEntryResponseComponent[entries];
        }

        Imported of(ImportedRecord record) {
            try {
                boolean known = patient(record);
                String patientId = idOfEntry(record.patientEntry());
                List<HistoryEntry> current = known ? currentHistory(patientId) : new ArrayList<>();
                List<LabResult> results = known ? labResults(patientId) : new ArrayList<>();
                for (ImportedRecord.Clinical entry : record.entries()) {
                    switch (entry) {
                        case ImportedRecord.HistoryDetail detail -> history(patientId, detail, current);
                        case ImportedRecord.LabValue value -> labResult(patientId, value, results);
                    }
                }
            } catch (RuntimeException failure) {
                if (stored.isEmpty()) {
                    throw failure;
                }
                throw new PartlyImported(failure, stored);
            }
            Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            for (Bundle.BundleEntryResponseComponent answer : answers) {
                response.addEntry().setResponse(answer);
            }
            return new Imported(response);
        }

        /** Records the patient; whether they were known to MediCore before. */
        private boolean patient(ImportedRecord record) {
            Optional<Patient> known = record.medicoreId().flatMap(this::existing);
            if (known.isEmpty()) {
                switch (records.register(caller, record.demographics())) {
                    case Registration.Registered registered -> {
                        answer(record.patientEntry(), "201 Created", registered.patient());
                        return false;
                    }
                    case Registration.AlreadyRegistered already -> known = existing(already.patientId());
                }
            }
            Patient patient = known.orElseThrow(() -> Status.NOT_FOUND.withDescription("the patient registered already is gone")
                    .asRuntimeException());
            FieldMask changed = changes(patient, record.demographics());
            if (changed.getPathsCount() > 0) {
                RegisterPatientRequest wanted = record.demographics();
                UpdateDemographicsRequest.Builder update = UpdateDemographicsRequest.newBuilder().setPatientId(patient.getId())
                        .setExpectedVersion(patient.getVersion()).setUpdateMask(changed)
                        .setName(wanted.getName()).setDateOfBirth(wanted.getDateOfBirth()).setSex(wanted.getSex())
                        .setContact(wanted.getContact()).setPreferredLanguage(wanted.getPreferredLanguage());
                if (wanted.hasEmergencyContact()) {
                    update.setEmergencyContact(wanted.getEmergencyContact());
                }
                patient = records.updateDemographics(caller, update.build()).getPatient();
            }
            answer(record.patientEntry(), "200 OK", patient);
            return true;
        }

        private Optional<Patient> existing(String patientId) {
            try {
                return Optional.of(records.patient(caller, GetPatientRequest.newBuilder().setPatientId(patientId).build()).getPatient());
            } catch (StatusRuntimeException refused) {
                // MediCore's identifier form is also any system's UUID: an unknown one is a patient new to MediCore
                if (refused.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return Optional.empty();
                }
                throw refused;
            }
        }

        private void history(String patientId, ImportedRecord.HistoryDetail detail, List<HistoryEntry> current) {
            Optional<HistoryEntry> same = current.stream().filter(entry -> sameDetail(entry, detail)).findFirst();
            if (same.isPresent()) {
                current.remove(same.get());
                answer(detail.index(), "200 OK", detail.type() + "/" + same.get().getId());
                return;
            }
            HistoryEntry added = records.addHistoryEntry(caller, detail.entry().toBuilder().setPatientId(patientId).build()).getEntry();
            answer(detail.index(), "201 Created", detail.type() + "/" + added.getId());
        }

        private void labResult(String patientId, ImportedRecord.LabValue value, List<LabResult> results) {
            Optional<LabResult> same = results.stream().filter(result -> content(result).equals(value.result())).findFirst();
            if (same.isPresent()) {
                results.remove(same.get());
                answer(value.index(), "200 OK", value.type() + "/" + same.get().getId());
                return;
            }
            LabResult attached = records.attachLabResult(caller, AttachLabResultRequest.newBuilder().setPatientId(patientId)
                    .setIdempotencyKey(key(patientId, value.result())).setResult(value.result()).build()).getResult();
            answer(value.index(), "201 Created", value.type() + "/" + attached.getId());
        }

        private void answer(int index, String status, Patient patient) {
            answers[index] = new Bundle.BundleEntryResponseComponent().setStatus(status)
                    .setLocation("Patient/" + patient.getId() + "/_history/" + patient.getVersion())
                    .setEtag("W/\"" + patient.getVersion() + "\"");
            stored.add("Bundle.entry[" + index + "]");
        }

        private void answer(int index, String status, String location) {
            answers[index] = new Bundle.BundleEntryResponseComponent().setStatus(status).setLocation(location);
            stored.add("Bundle.entry[" + index + "]");
        }

        private String idOfEntry(int index) {
            String location = answers[index].getLocation();
            return location.substring("Patient/".length(), location.indexOf("/_history/"));
        }

        private List<HistoryEntry> currentHistory(String patientId) {
            return Pages.all(page -> records.history(caller, ListHistoryRequest.newBuilder().setPatientId(patientId)
                            .addKinds(HistoryEntryKind.CONDITION).addKinds(HistoryEntryKind.ALLERGY).addKinds(HistoryEntryKind.MEDICATION)
                            .setPage(page).build()),
                    ListHistoryResponse::getEntriesList, ListHistoryResponse::getPageInfo);
        }

        private List<LabResult> labResults(String patientId) {
            return Pages.all(page -> records.labResults(caller, ListLabResultsRequest.newBuilder().setPatientId(patientId).setPage(page).build()),
                    ListLabResultsResponse::getResultsList, ListLabResultsResponse::getPageInfo);
        }
    }

    /** The fields of the stored demographics that differ from the wanted ones, as patient-service's update mask. */
    private static FieldMask changes(Patient stored, RegisterPatientRequest wanted) {
        FieldMask.Builder mask = FieldMask.newBuilder();
        for (String field : DEMOGRAPHICS) {
            Object before = stored.getField(Patient.getDescriptor().findFieldByName(field));
            Object after = wanted.getField(RegisterPatientRequest.getDescriptor().findFieldByName(field));
            if (!before.equals(after)) {
                mask.addPaths(field);
            }
        }
        return mask.build();
    }

    private static boolean sameDetail(HistoryEntry stored, ImportedRecord.HistoryDetail detail) {
        return switch (detail.entry().getDetailCase()) {
            case CONDITION -> stored.hasCondition() && stored.getCondition().equals(detail.entry().getCondition());
            case ALLERGY -> stored.hasAllergy() && stored.getAllergy().equals(detail.entry().getAllergy());
            case MEDICATION -> stored.hasMedication() && stored.getMedication().equals(detail.entry().getMedication());
            case NOTE, DETAIL_NOT_SET -> false;
        };
    }

    /** A stored result's content, without what the services set (id, patient, when recorded) or keep of its source. */
    private static LabResult content(LabResult stored) {
        return stored.toBuilder().clearId().clearPatientId().clearRecordedAt().clearPrintedUnit().clearSourceReportId().build();
    }

    /** The idempotency key of an imported result: the patient and the result's content, so a repeat is the same attachment. */
    private static String key(String patientId, LabResult result) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(patientId.getBytes(StandardCharsets.UTF_8));
            sha256.update(result.toByteArray());
            return "fhir-import:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }
}
