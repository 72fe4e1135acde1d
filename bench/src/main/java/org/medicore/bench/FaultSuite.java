package org.medicore.bench;

import org.medicore.localstack.SlowLink;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults under load: for each scenario, visits at a steady rate ({@link BookingWorkload}), a fault injected and ended,
 * the load drained, and the invariants checked from the stores ({@link FaultChecks}). It starts
 * the system itself through the local stack's Java API ({@link TestSystem}: free ports, its own
 * temporary data folder). {@code bench/faults} runs it; options in bench/README.md.
 */
public final class FaultSuite {

    /** A fault: how it begins and how it ends (a killed service is started again, a stopped broker too). */
    record Fault(String name, Runnable begin, Runnable end) {
    }

    /**
     * What one scenario showed: its verdicts, how many bookings were acknowledged while the fault lasted (from its
     * beginning until it had ended, a restart included), and how fast the system served again.
     */
    public record Outcome(String scenario, List<FaultChecks.Verdict> verdicts, int bookings, int acknowledgedDuringFault,
                          Optional<Duration> toFirstSuccess, Optional<Duration> toDrainedOutbox) {

        public boolean holds() {
            return verdicts.stream().allMatch(FaultChecks.Verdict::holds);
        }
    }

    /**
     * @param before load before the fault; @param outage how long the fault lasts; @param after load once it ended;
     * @param latency what the slow link to PostgreSQL adds to each of its answers;
     * @param billingPerSecond late cancellations and completed visits followed to their payment ({@link BillingWorkload}), none at 0;
     * @param labRate lab uploads per second in every scenario; negative: {@value #S3_OUTAGE_LAB_RATE} in s3-outage, none elsewhere
     */
    public record Options(List<String> scenarios, double perSecond, Duration before, Duration outage, Duration after,
                          Duration drain, Duration latency, double billingPerSecond, double labRate) {

        static final double S3_OUTAGE_LAB_RATE = 1;

        /** Without the billing workload, and lab uploads only in s3-outage. */
        public Options(List<String> scenarios, double perSecond, Duration before, Duration outage, Duration after,
                       Duration drain, Duration latency) {
            this(scenarios, perSecond, before, outage, after, drain, latency, 0, -1);
        }

        /** Lab uploads per second in {@code scenario}. */
        double labRate(String scenario) {
            return labRate >= 0 ? labRate : scenario.equals(S3_OUTAGE) ? S3_OUTAGE_LAB_RATE : 0;
        }

        /** One kill and one Kafka outage, about a minute of load in all: what CI runs. */
        public static final Options SHORT = new Options(List.of("kill-appointment-service", "kafka-outage"), 5,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(90), Duration.ofMillis(100));

        static final List<String> ALL = List.of("kill-appointment-service", "kill-patient-service", "kill-billing-service",
                "kill-analytics-service", KILL_BFF, "kafka-outage", "postgres-outage", "kill-postgres", "dynamodb-outage", S3_OUTAGE,
                "keycloak-outage", "slow-postgres", CLOCK_AHEAD + TestSystem.APPOINTMENT);

        public static Options parse(String... args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (!arg.startsWith("--") || equals < 0) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; see bench/README.md");
                }
                given.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
            Options options = new Options(List.of(given.getOrDefault("scenarios", String.join(",", ALL)).split(",")),
                    Double.parseDouble(given.getOrDefault("rate", "10")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("before", "10"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("outage", "60"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("after", "20"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("drain", "120"))),
                    Duration.ofMillis(Long.parseLong(given.getOrDefault("latency", "100"))),
                    Double.parseDouble(given.getOrDefault("billing-rate", "1")),
                    Double.parseDouble(given.getOrDefault("lab-rate", "-1")));
            given.keySet().removeAll(List.of("scenarios", "rate", "before", "outage", "after", "drain", "latency", "billing-rate",
                    "lab-rate"));
            options.scenarios().stream().filter(s -> !ALL.contains(s)).findAny().ifPresent(s -> {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            });
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "; see bench/README.md");
            }
            return options;
        }
    }

    /** The BFF killed while the visits are booked through it, as the portal books them; the rest goes over gRPC. */
    static final String KILL_BFF = "kill-bff";
    /** The object store stopped while patients upload lab reports through the BFF ({@link LabWorkload}). */
    static final String S3_OUTAGE = "s3-outage";
    /** One service started again with its wall clock {@link #CLOCK_SKEW} ahead ({@link ClockAhead}), then as before. */
    static final String CLOCK_AHEAD = "clock-ahead-";
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String BFF = "bff-graphql";
    /** The BFF's allowed browser origin; the suite calls it from no browser, so any origin of its own does. */
    private static final String BFF_CALLERS = "http://127.0.0.1";

    /**
     * How long after the drain every readiness probe may take to say ready again: a health check notices a store that
     * came back on its next try, which may follow a backoff.
     */
    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(60);

    /** How long the system may take to serve again, after the scenario before, for the next one to begin. */
    private static final Duration SERVING_AGAIN = Duration.ofMinutes(3);

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        refuseWhatCannotRunHere(options);
        System.out.println("fault suite: starting the system (PostgreSQL, Kafka, DynamoDB Local, S3, Keycloak, the services)");
        TestSystem system = null;
        try {
            system = TestSystem.get().withDemoData();
            List<Outcome> outcomes = run(system, options);
            System.out.println(table(outcomes));
            if (!outcomes.stream().allMatch(Outcome::holds)) {
                keepLogs(system);
                System.exit(1);
            }
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // A run that could not go on is the one whose logs are needed most.
            if (system != null) {
                keepLogsQuietly(system);
            }
            // The gRPC channels and the workload's threads would keep the JVM, and so the system, running.
            System.exit(2);
        }
    }

    /** A scenario this machine lacks the tools for is refused before anything starts, rather than passed unseen. */
    private static void refuseWhatCannotRunHere(Options options) {
        if (options.scenarios().stream().anyMatch(scenario -> scenario.startsWith(CLOCK_AHEAD)) && ClockAhead.library().isEmpty()) {
            throw new IllegalStateException(ClockAhead.MISSING);
        }
    }

    /**
     * The services' logs of a run that broke an invariant, copied out of the system's temporary folder, which
     * goes with the JVM: without them a failure seen once cannot be explained.
     */
    private static void keepLogsQuietly(TestSystem system) {
        try {
            keepLogs(system);
        } catch (IOException | RuntimeException e) {
            System.out.println("fault suite: the services' logs could not be kept: " + e);
        }
    }

    private static void keepLogs(TestSystem system) throws IOException {
        Path kept = Path.of("bench", "target", "fault-logs", Instant.now().toString().replace(':', '-'));
        Files.createDirectories(kept);
        try (var logs = Files.list(system.logDirectory())) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
        System.out.println("fault suite: the services' logs are kept in " + kept.toAbsolutePath());
        System.out.println(LoggedErrors.summary(kept));
    }

    public static List<Outcome> run(TestSystem system, Options options) throws Exception {
        refuseWhatCannotRunHere(options);
        boolean labUploads = options.scenarios().stream().anyMatch(scenario -> options.labRate(scenario) > 0);
        String bff = options.scenarios().contains(KILL_BFF) || labUploads ? system.bff(BFF_CALLERS) : "";
        Target target = new Target(system.patientTarget(), system.appointmentTarget(), system.billingTarget(), bff,
                system.keycloak().issuer(), Target.LOCAL_STACK.tokenClient(), "", "", "", "");
        Optional<SlowLink> link = options.scenarios().contains("slow-postgres") ? Optional.of(slowLinkToPostgres(system))
                : Optional.empty();
        List<String> watched = new ArrayList<>(List.of(TestSystem.PATIENT, TestSystem.APPOINTMENT, TestSystem.BILLING,
                TestSystem.LAB, TestSystem.ANALYTICS, TestSystem.NOTIFICATION));
        if (!bff.isEmpty()) {
            watched.add(BFF);
        }
        Map<String, String> actuators = new LinkedHashMap<>();
        watched.forEach(service -> actuators.put(service, system.actuatorUrl(service)));
        List<Outcome> outcomes = new ArrayList<>();
        for (String scenario : options.scenarios()) {
            Outcome outcome = scenario(scenario, fault(system, scenario, link, options), target, options,
                    new Readiness(actuators), system.analyticsUrl());
            // Each scenario's figures as soon as it ended, so a later one that fails leaves them behind.
            System.out.print(table(List.of(outcome)));
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /**
     * appointment-service started again with its database reached through a link that passes bytes on until told to
     * be slow. It stays so for the rest of the run (the link closes with the JVM).
     */
    private static SlowLink slowLinkToPostgres(TestSystem system) {
        SlowLink link = SlowLink.to("127.0.0.1:" + TestStack.postgres().port());
        System.out.println("fault suite: appointment-service started again with its database behind a link at " + link.target());
        system.restart(TestSystem.APPOINTMENT, Map.of("spring.datasource.url", "jdbc:postgresql://" + link.target() + "/appointments"));
        return link;
    }

    private static Fault fault(TestSystem system, String scenario, Optional<SlowLink> link, Options options) {
        return switch (scenario) {
            case "slow-postgres" -> new Fault(scenario, () -> link.orElseThrow().delayAnswersBy(options.latency()),
                    () -> link.orElseThrow().delayAnswersBy(Duration.ZERO));
            case "kafka-outage" -> new Fault(scenario, () -> TestStack.kafka().stop(), () -> TestStack.kafka().startAgain());
            // One PostgreSQL holds every service's database, the audit trail's and Keycloak's, as one RDS instance could.
            case "postgres-outage" -> new Fault(scenario, () -> TestStack.postgres().stop(), () -> TestStack.postgres().startAgain());
            case "kill-postgres" -> new Fault(scenario, () -> TestStack.postgres().kill(), () -> TestStack.postgres().startAgain());
            // Tokens issued before stay valid (the services check them with the keys they hold); new sign-ins fail.
            case "dynamodb-outage" -> new Fault(scenario, () -> TestStack.dynamoDb().stop(), () -> TestStack.dynamoDb().startAgain());
            case S3_OUTAGE -> new Fault(scenario, () -> TestStack.objectStore().stop(), () -> TestStack.objectStore().startAgain());
            case "keycloak-outage" -> new Fault(scenario, () -> TestStack.keycloak().stop(), () -> TestStack.keycloak().startAgain());
            case KILL_BFF -> new Fault(scenario, () -> system.kill(BFF), () -> system.restart(BFF));
            case String clockAhead when clockAhead.startsWith(CLOCK_AHEAD) -> {
                String service = scenario.substring(CLOCK_AHEAD.length());
                yield new Fault(scenario, () -> system.restartWith(service, ClockAhead.environment(CLOCK_SKEW)), () -> {
                    system.stop(service);
                    system.restart(service);
                });
            }
            default -> {
                String service = scenario.substring("kill-".length());
                yield new Fault(scenario, () -> system.kill(service), () -> system.restart(service));
            }
        };
    }

    private static Outcome scenario(String name, Fault fault, Target target, Options options, Readiness readiness,
                                    String analyticsUrl) throws Exception {
        System.out.printf("fault suite: %s: %.0f visits/s, %.1f lab uploads/s, %ss before, %ss of fault, %ss after%n", name,
                options.perSecond(), options.labRate(name), options.before().toSeconds(), options.outage().toSeconds(),
                options.after().toSeconds());
        Optional<BffBooking> throughBff = name.equals(KILL_BFF)
                ? Optional.of(new BffBooking(new GraphQl(target, new Tokens(target)))) : Optional.empty();
        Optional<GraphQl> patientPortal = options.labRate(name) > 0
                ? Optional.of(new GraphQl(target, new Tokens(target))) : Optional.empty();
        Instant clinicMade = Instant.now();
        try (Clinic clinic = clinicOnceServing(target);
             BookingWorkload load = new BookingWorkload(clinic, options.perSecond(), throughBff);
             BillingWorkload billing = new BillingWorkload(clinic, options.billingPerSecond());
             LabWorkload uploads = patientPortal.isEmpty() ? null : new LabWorkload(patientPortal.get(), options.labRate(name))) {
            load.start();
            billing.start();
            if (uploads != null) {
                uploads.start();
            }
            Thread.sleep(options.before());
            Instant began = Instant.now();
            readiness.watchFault();
            fault.begin().run();
            Thread.sleep(options.outage());
            fault.end().run();
            readiness.faultEnded();
            Instant ended = Instant.now();
            Thread.sleep(options.after());
            billing.stop(options.drain());
            List<BookingWorkload.Booking> bookings = load.stopAndDrain(options.drain());
            List<BillingWorkload.ChargedVisit> chargedVisits = billing.drained();
            List<LabWorkload.Upload> labUploads = uploads == null ? List.of() : uploads.stopAndDrain(options.drain());
            Optional<Duration> drained = FaultChecks.awaitOutboxDrained(options.drain())
                    .map(at -> Duration.between(ended, at));
            Optional<Duration> firstSuccess = bookings.stream()
                    .filter(booking -> booking.appointmentId().isPresent() && booking.answeredAt().isAfter(ended))
                    .map(BookingWorkload.Booking::answeredAt).min(Instant::compareTo)
                    .map(at -> Duration.between(ended, at));
            int duringFault = (int) bookings.stream().filter(booking -> booking.appointmentId().isPresent()
                    && !booking.answeredAt().isBefore(began) && booking.answeredAt().isBefore(ended)).count();
            List<FaultChecks.Verdict> verdicts = new ArrayList<>(new FaultChecks(clinic.practitionerId, clinic.bookingPatientId)
                    .check(bookings, load.changes(), load.registrations(), load.refusalsSeen()));
            verdicts.addAll(PatientChecks.check(clinic.run, load.registrations()));
            if (billing.running()) {
                verdicts.addAll(new BillingChecks(billing.patientIds()).check(chargedVisits, billing.refusalsSeen(), options.drain()));
            }
            verdicts.add(readiness.readyAgain(READY_AGAIN_WITHIN));
            verdicts.add(new AnalyticsChecks(analyticsUrl, clinic).check(clinicMade, options.drain()));
            verdicts.addAll(new AuditChecks(clinic.bookingPatientId).check(bookings, load.changes(), load.registrations()));
            verdicts.addAll(uploads == null ? LabChecks.notRun()
                    : new LabChecks(patientPortal.get()).check(labUploads, uploads.refusalsSeen(), options.drain()));
            return new Outcome(name, verdicts, bookings.size(), duringFault, firstSuccess, drained);
        }
    }

    /**
     * The scenario's corner of the clinic, made once the system serves again after the scenario before: Keycloak, for
     * one, answers 500 for a while after PostgreSQL came back, until its pool has dropped the connections it lost.
     */
    private static Clinic clinicOnceServing(Target target) throws InterruptedException {
        Instant deadline = Instant.now().plus(SERVING_AGAIN);
        while (true) {
            try {
                return new Clinic(target, new Tokens(target));
            } catch (RuntimeException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the system did not serve again within " + SERVING_AGAIN, notYet);
                }
                System.out.println("fault suite: the system does not serve yet (" + notYet.getMessage() + "); trying again");
                Thread.sleep(2_000);
            }
        }
    }

    /** Scenarios by invariants, then the recovery figures. */
    static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder(
                "\n| scenario | bookings | acknowledged during the fault | first success after the fault | outbox drained after |");
        List<String> invariants = outcomes.isEmpty() ? List.of()
                : outcomes.getFirst().verdicts().stream().map(FaultChecks.Verdict::invariant).toList();
        invariants.forEach(invariant -> table.append(' ').append(invariant).append(" |"));
        table.append("\n|---|---|---|---|---|").append("---|".repeat(invariants.size())).append('\n');
        for (Outcome outcome : outcomes) {
            table.append("| ").append(outcome.scenario()).append(" | ").append(outcome.bookings()).append(" | ")
                    .append(outcome.acknowledgedDuringFault()).append(" | ")
                    .append(outcome.toFirstSuccess().map(FaultSuite::seconds).orElse("never")).append(" | ")
                    .append(outcome.toDrainedOutbox().map(FaultSuite::seconds).orElse("not drained")).append(" |");
            outcome.verdicts().forEach(verdict -> table.append(verdict.holds() ? " holds |" : " **broken** |"));
            table.append('\n');
        }
        for (Outcome outcome : outcomes) {
            outcome.verdicts().forEach(verdict -> table.append(outcome.scenario()).append(": ").append(verdict.invariant())
                    .append(": ").append(verdict.detail()).append('\n'));
        }
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }
}
