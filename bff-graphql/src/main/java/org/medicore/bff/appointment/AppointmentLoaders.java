package org.medicore.bff.appointment;

import graphql.GraphQLContext;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.appointment.v1.Appointment;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchListAppointmentsByPatientsRequest;
import org.medicore.contracts.appointment.v1.PatientAppointments;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Patient.appointments} for every patient of a query in one BatchListAppointmentsByPatients
 * per (filter, first) combination — in practice one call, however many patients.
 */
@Configuration
class AppointmentLoaders {

    AppointmentLoaders(BatchLoaderRegistry registry, ServiceStubs services) {
        registry.<PatientAppointmentsKey, List<Appointment>>forName("patientAppointments")
                .withOptions(options -> options.setMaxBatchSize(100))
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(
                        () -> load(keys, Caller.of((GraphQLContext) environment.getContext()), services)));
    }

    private static Map<PatientAppointmentsKey, List<Appointment>> load(Set<PatientAppointmentsKey> keys, Caller caller,
                                                                     ServiceStubs services) {
        Map<PatientAppointmentsKey, List<Appointment>> loaded = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(key -> List.of(key.filter(), key.first()))).values().forEach(alike -> {
            PatientAppointmentsKey first = alike.getFirst();
            List<PatientAppointments> lists = services.appointments(caller).batchListAppointmentsByPatients(
                    BatchListAppointmentsByPatientsRequest.newBuilder()
                            .addAllPatientIds(alike.stream().map(PatientAppointmentsKey::patientId).toList())
                            .setTimeFilter(AppointmentTimeFilter.valueOf(first.filter()))
                            .setLimitPerPatient(first.first()).build()).getPatientsList();
            Map<String, List<Appointment>> byPatient = lists.stream()
                    .collect(Collectors.toMap(PatientAppointments::getPatientId, PatientAppointments::getAppointmentsList));
            alike.forEach(key -> loaded.put(key, byPatient.getOrDefault(key.patientId(), List.of())));
        });
        return loaded;
    }
}
