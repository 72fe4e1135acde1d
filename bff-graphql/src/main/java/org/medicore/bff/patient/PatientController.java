package org.medicore.bff.patient;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.medicore.bff.graphql.Connection;
import org.medicore.bff.graphql.Links;
import org.medicore.bff.graphql.PageSize;
import org.medicore.bff.graphql.ProtoValues;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.bff.me.Me;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.common.v1.Address;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.BatchGetPatientsRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.SearchPatientsResponse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Patients from patient-service: queries, changes, and the patient behind other types. */
@Controller
class PatientController {

    private final ServiceStubs services;

    PatientController(ServiceStubs services) {
        this.services = services;
    }

    @QueryMapping
    Patient patient(@Argument String id, GraphQLContext context) {
        return services.patients(Caller.of(context)).getPatient(GetPatientRequest.newBuilder().setPatientId(id).build())
                .getPatient();
    }

    @QueryMapping
    Connection<Patient> patients(@Argument PatientInputs.PatientSearch search, @Argument Integer first,
                                 @Argument String after, GraphQLContext context) {
        SearchPatientsResponse page = services.patients(Caller.of(context))
                .searchPatients(PatientProtos.search(search, PageSize.of(first, "first"), after));
        return Connection.of(page.getPatientsList(), after, page.getPageInfo().getNextPageToken(),
                page.getPageInfo().getTotalSize());
    }

    /** A patient's own record; a patient who has not registered one yet has none. */
    @SchemaMapping(typeName = "Me", field = "patient")
    Patient ownRecord(Me me, GraphQLContext context) {
        if (!me.roles().contains("PATIENT")) {
            return null;
        }
        try {
            return patient(me.subject(), context);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** One BatchGetPatients for all the appointments of a query; patients the caller may not see stay null. */
    @BatchMapping(typeName = "Appointment", field = "patient", maxBatchSize = 100)
    Map<Appointment, Patient> appointmentPatients(List<Appointment> appointments, GraphQLContext context) {
        return patientsOf(appointments, Appointment::getPatientId, context);
    }

    @BatchMapping(typeName = "Invoice", field = "patient", maxBatchSize = 100)
    Map<Invoice, Patient> invoicePatients(List<Invoice> invoices, GraphQLContext context) {
        return patientsOf(invoices, Invoice::getPatientId, context);
    }

    /** One BatchGetPatients for every record of a query that names a patient; those the caller may not see stay null. */
    private <T> Map<T, Patient> patientsOf(List<T> records, Function<T, String> patientId, GraphQLContext context) {
        List<String> ids = records.stream().map(patientId).distinct().toList();
        Map<String, Patient> found = services.patients(Caller.of(context))
                .batchGetPatients(BatchGetPatientsRequest.newBuilder().addAllPatientIds(ids).build())
                .getPatientsList().stream().collect(Collectors.toMap(Patient::getId, Function.identity()));
        return Links.byKey(records, patientId, found);
    }

    @SchemaMapping(typeName = "Patient", field = "sex")
    String sex(Patient patient) {
        return ProtoValues.orNull(patient.getSex());
    }

    @SchemaMapping(typeName = "Patient", field = "preferredLanguage")
    String preferredLanguage(Patient patient) {
        return ProtoValues.orNull(patient.getPreferredLanguage());
    }

    @SchemaMapping(typeName = "Patient", field = "history")
    List<PatientProtos.History> history(Patient patient, @Argument Integer first, GraphQLContext context) {
        return services.patients(Caller.of(context)).listHistory(ListHistoryRequest.newBuilder()
                        .setPatientId(patient.getId()).setNewestFirst(true)
                        .setPage(PageRequest.newBuilder().setPageSize(PageSize.of(first, "first"))).build())
                .getEntriesList().stream().map(PatientProtos::history).toList();
    }

    @SchemaMapping(typeName = "Address", field = "lines")
    List<String> lines(Address address) {
        return address.getLinesList();
    }

    /** The input as sent, not bound to a record: which fields the caller left out is what the update mask needs. */
    @MutationMapping
    Patient updatePatient(DataFetchingEnvironment environment, GraphQLContext context) {
        Map<String, Object> input = environment.getArgument("input");
        return services.patients(Caller.of(context)).updateDemographics(PatientProtos.update(input)).getPatient();
    }

    @MutationMapping
    PatientProtos.History addHistoryEntry(@Argument PatientInputs.AddHistoryEntryInput input, GraphQLContext context) {
        return PatientProtos.history(services.patients(Caller.of(context))
                .addHistoryEntry(PatientProtos.historyEntry(input)).getEntry());
    }
}
