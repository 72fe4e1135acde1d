package org.medicore.bff.billing;

import graphql.GraphQLContext;
import org.medicore.bff.grpc.Caller;
import org.medicore.bff.grpc.ServiceStubs;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsRequest;
import org.medicore.contracts.billing.v1.Invoice;
import org.medicore.contracts.billing.v1.InvoiceStatus;
import org.medicore.contracts.billing.v1.PatientInvoices;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code Patient.invoices} for every patient of a query in one BatchListInvoicesByPatients per (statuses, first). */
@Configuration
class BillingLoaders {

    BillingLoaders(BatchLoaderRegistry registry, ServiceStubs services) {
        registry.<PatientInvoicesKey, List<Invoice>>forName("patientInvoices")
                .withOptions(options -> options.setMaxBatchSize(100))
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(
                        () -> load(keys, Caller.of((GraphQLContext) environment.getContext()), services)));
    }

    private static Map<PatientInvoicesKey, List<Invoice>> load(Set<PatientInvoicesKey> keys, Caller caller,
                                                             ServiceStubs services) {
        Map<PatientInvoicesKey, List<Invoice>> loaded = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(key -> List.of(key.statuses(), key.first()))).values().forEach(alike -> {
            PatientInvoicesKey first = alike.getFirst();
            List<PatientInvoices> lists = services.billing(caller).batchListInvoicesByPatients(
                    BatchListInvoicesByPatientsRequest.newBuilder()
                            .addAllPatientIds(alike.stream().map(PatientInvoicesKey::patientId).toList())
                            .addAllStatuses(first.statuses().stream().map(InvoiceStatus::valueOf).toList())
                            .setLimitPerPatient(first.first()).build()).getPatientsList();
            Map<String, List<Invoice>> byPatient = lists.stream()
                    .collect(Collectors.toMap(PatientInvoices::getPatientId, PatientInvoices::getInvoicesList));
            alike.forEach(key -> loaded.put(key, byPatient.getOrDefault(key.patientId(), List.of())));
        });
        return loaded;
    }
}
