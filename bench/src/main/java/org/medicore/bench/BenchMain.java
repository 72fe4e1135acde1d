package org.medicore.bench;

import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc;
import org.medicore.contracts.appointment.v1.AppointmentTimeFilter;
import org.medicore.contracts.appointment.v1.BatchListAppointmentsByPatientsRequest;
import org.medicore.contracts.billing.v1.BillingServiceGrpc;
import org.medicore.contracts.billing.v1.BatchListInvoicesByPatientsRequest;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run}: drives a running MediCore (the local stack by default) through its public
 * doors, after pgbench has measured the database's own limit in the same run, and prints each
 * scenario's throughput, latency percentiles, ratio to that baseline and CPU per operation per
 * process; the same figures go to a JSON file. It starts nothing itself.
 */
public final class BenchMain {

    static final List<String> SCENARIOS = List.of("pgbench", "grpc-booking", "bff-booking", "doctor-read-grpc",
            "doctor-read-bff", "fhir-read", "fhir-everything", "patient-day", "lab-upload", "completion", "browser", "push", "analytics");

    static final String BOOKING_OVER_GRPC = "booking over gRPC";
    static final String BOOKING_THROUGH_BFF = "booking through the BFF";
    static final String DOCTOR_READ_GRPC = "doctor's read, the 4 RPCs directly";
    static final String DOCTOR_READ_BFF = "doctor's read through the BFF";
    static final String FHIR_READ = "FHIR Patient read (doctor)";
    static final String FHIR_EVERYTHING = "FHIR Patient $everything (admin)";
    static final String PATIENT_DAY = "a patient's visit (token, me, slots, book, list)";
    static final String LAB_UPLOAD = "lab report upload, until processed";
    static final String COMPLETION_INVOICE = "visit completed -> invoice issued";
    static final String BROWSER_BOOKING = "patient's booking in Chromium (phone)";
    static final String APPOINTMENT_PUSH = "booking -> appointmentChanged push";
    static final String ANALYTICS_PUSH = "booking -> analytics window push";
    static final String ANALYTICS_AFTER_BURST = "analytics window push after a burst";

    private static final String CHART = """
            query Chart($id: ID!) {
              patient(id: $id) {
                id name { given family } dateOfBirth
                history(first: 50) { id kind summary recordedAt }
                appointments(filter: ALL, first: 20) { id status start end }
                invoices(first: 20) { id status }
              }
            }""";

    private static final String BOOK = """
            mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status } }""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options);
        report.print(System.out);
        report.writeJson(options.out());
        System.out.println("results written to " + options.out().toAbsolutePath());
    }

    /** Runs the chosen scenarios against the target; what the smoke test calls too. */
    public static Report run(Options options) throws Exception {
        Target target = options.target();
        SystemCpu cpu = new SystemCpu();
        Report report = new Report(options, Instant.now());
        if (options.scenarios().contains("pgbench")) {
            PgBench pgbench = new PgBench(target.postgresUrl());
            Duration duration = options.smoke() ? Duration.ofSeconds(2) : options.duration();
            int clients = options.clients().getFirst();
            report.baselines(pgbench.tpcB(clients, duration, options.smoke() ? 1 : 10), pgbench.bookingShaped(clients, duration));
        }
        Tokens tokens = new Tokens(target);
        try (Clinic clinic = new Clinic(target, tokens)) {
            GraphQl graphQl = new GraphQl(target, tokens);
            FhirReads fhir = new FhirReads(target, tokens);
            ClosedLoad load = new ClosedLoad(options.warmUp(), options.duration(), options.maxOperations(), cpu, options.settle());
            // Booked first, because the visits have to begin before they can be completed.
            Optional<CompletionToInvoice> completions = options.scenarios().contains("completion")
                    ? Optional.of(CompletionToInvoice.book(target, clinic, cpu, (int) Math.min(options.maxOperations(),
                            Math.round(options.completionRate() * options.duration().toSeconds()))))
                    : Optional.empty();
            for (int clients : options.clients()) {
                if (options.scenarios().contains("grpc-booking")) {
                    report.add(load.run(BOOKING_OVER_GRPC, clients, client -> clinic.appointments("admin")
                            .bookAppointment(clinic.booking(clinic.bookingPatientId, clinic.nextStart()))));
                }
                if (options.scenarios().contains("bff-booking")) {
                    report.add(load.run(BOOKING_THROUGH_BFF, clients, client -> graphQl.execute("admin", BOOK,
                            Map.of("input", Map.of("patientId", clinic.bookingPatientId, "practitionerId", clinic.practitionerId,
                                    "start", clinic.nextStart().toString(), "appointmentType", "LAB_VISIT")))));
                }
                if (options.scenarios().contains("doctor-read-grpc")) {
                    report.add(load.run(DOCTOR_READ_GRPC, clients, client -> readDirectly(clinic)));
                }
                if (options.scenarios().contains("doctor-read-bff")) {
                    report.add(load.run(DOCTOR_READ_BFF, clients,
                            client -> graphQl.execute("doctor", CHART, Map.of("id", clinic.readPatientId))));
                }
                if (options.scenarios().contains("fhir-read")) {
                    report.add(load.run(FHIR_READ, clients, client -> fhir.patient(clinic.readPatientId)));
                }
                if (options.scenarios().contains("fhir-everything")) {
                    report.add(load.run(FHIR_EVERYTHING, clients, client -> fhir.everything(clinic.readPatientId)));
                }
                if (options.scenarios().contains("patient-day")) {
                    PatientDay day = new PatientDay(clinic, graphQl);
                    report.add(load.run(PATIENT_DAY, clients, day::visit));
                }
                if (options.scenarios().contains("lab-upload")) {
                    LabUpload upload = new LabUpload(target, tokens, graphQl);
                    report.add(load.run(LAB_UPLOAD, clients, upload::upload));
                }
            }
            if (completions.isPresent()) {
                load.settle("completion");
                report.add(completions.get().run(options.completionRate(), Duration.ofSeconds(30)));
            }
            if (options.scenarios().contains("browser")) {
                load.settle("browser");
                report.add(new BrowserVisit(target.portal(), cpu).run(options.smoke() ? 2 : 5, report));
            }
            if (options.scenarios().contains("push")) {
                load.settle("push");
                report.add(new PushLatency(target, clinic, cpu).run(options.pushRate(),
                        options.smoke() ? Duration.ofSeconds(2) : options.duration(), Duration.ofSeconds(15)));
            }
            if (options.scenarios().contains("analytics")) {
                load.settle("analytics");
                new AnalyticsLatency(target, clinic, cpu).run(options.pushRate(),
                        options.smoke() ? Duration.ofSeconds(2) : options.duration(), options.burst(), Duration.ofSeconds(30))
                        .forEach(report::add);
            }
        }
        return report;
    }

    /** What the BFF asks for one chart (its data loaders use the batch RPCs), the four RPCs side by side. */
    private static void readDirectly(Clinic clinic) throws Exception {
        var patients = PatientServiceGrpc.newFutureStub(clinic.patientChannel).withCallCredentials(clinic.bearer("doctor")).withDeadlineAfter(30, TimeUnit.SECONDS);
        var appointments = AppointmentServiceGrpc.newFutureStub(clinic.appointmentChannel).withCallCredentials(clinic.bearer("doctor")).withDeadlineAfter(30, TimeUnit.SECONDS);
        var billing = BillingServiceGrpc.newFutureStub(clinic.billingChannel).withCallCredentials(clinic.bearer("doctor")).withDeadlineAfter(30, TimeUnit.SECONDS);
        String patient = clinic.readPatientId;
        var record = patients.getPatient(GetPatientRequest.newBuilder().setPatientId(patient).build());
        var history = patients.listHistory(ListHistoryRequest.newBuilder().setPatientId(patient).setNewestFirst(true)
                .setPage(PageRequest.newBuilder().setPageSize(50)).build());
        var visits = appointments.batchListAppointmentsByPatients(BatchListAppointmentsByPatientsRequest.newBuilder()
                .addPatientIds(patient).setTimeFilter(AppointmentTimeFilter.ALL).setLimitPerPatient(20).build());
        var invoices = billing.batchListInvoicesByPatients(BatchListInvoicesByPatientsRequest.newBuilder()
                .addPatientIds(patient).setLimitPerPatient(20).build());
        record.get();
        history.get();
        visits.get();
        invoices.get();
    }

    /** The command line; see bench/README.md. */
    public record Options(Target target, Set<String> scenarios, List<Integer> clients, Duration warmUp, Duration duration,
                          long maxOperations, double pushRate, double completionRate, int burst, Duration settle, boolean smoke,
                          Path out) {

        public static Options parse(String... args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; see bench/README.md");
                }
                int equals = arg.indexOf('=');
                given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "true" : arg.substring(equals + 1));
            }
            boolean smoke = Boolean.parseBoolean(given.remove("smoke"));
            Target local = Target.LOCAL_STACK;
            Target target = new Target(given.getOrDefault("patient", local.patient()),
                    given.getOrDefault("appointment", local.appointment()), given.getOrDefault("billing", local.billing()),
                    given.getOrDefault("bff", local.bffGraphQl()), given.getOrDefault("keycloak-issuer", local.keycloakIssuer()),
                    given.getOrDefault("token-client", local.tokenClient()), given.getOrDefault("postgres-url", local.postgresUrl()),
                    given.getOrDefault("kafka", local.kafka()), given.getOrDefault("portal", local.portal()),
                    given.getOrDefault("fhir", local.fhir()));
            for (String key : List.of("patient", "appointment", "billing", "bff", "keycloak-issuer", "token-client", "postgres-url",
                    "kafka", "portal", "fhir")) {
                given.remove(key);
            }
            Set<String> scenarios = Set.copyOf(List.of(given.getOrDefault("scenarios", String.join(",", SCENARIOS)).split(",")));
            scenarios.stream().filter(s -> !SCENARIOS.contains(s)).findAny().ifPresent(s -> {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + SCENARIOS);
            });
            List<Integer> clients = new ArrayList<>();
            for (String count : given.getOrDefault("clients", smoke ? "2" : "8").split(",")) {
                clients.add(Integer.parseInt(count.strip()));
            }
            Options options = new Options(target, scenarios, List.copyOf(clients),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", smoke ? "0" : "5"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", smoke ? "2" : "20"))),
                    Long.parseLong(given.getOrDefault("max-operations", smoke ? "20" : String.valueOf(Long.MAX_VALUE))),
                    Double.parseDouble(given.getOrDefault("push-rate", smoke ? "5" : "50")),
                    Double.parseDouble(given.getOrDefault("completion-rate", smoke ? "5" : "10")),
                    Integer.parseInt(given.getOrDefault("burst", smoke ? "20" : "20000")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("settle", smoke ? "0" : "120"))),
                    smoke, Path.of(given.getOrDefault("out", "bench/target/bench-results.json")));
            for (String known : List.of("scenarios", "clients", "warmup", "duration", "max-operations", "push-rate", "completion-rate",
                    "burst", "settle", "out")) {
                given.remove(known);
            }
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "; see bench/README.md");
            }
            return options;
        }

        public Optional<String> describe() {
            return Optional.of("clients " + clients + ", warm-up " + warmUp.toSeconds() + " s, measured " + duration.toSeconds()
                    + " s per scenario" + (settle.isZero() ? "" : ", each after the system settled (at most " + settle.toSeconds() + " s)")
                    + (smoke ? " (smoke: at most " + maxOperations + " operations each)" : ""));
        }
    }
}
