package org.medicore.bench;

import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults under load: for each scenario, bookings at a steady rate, a fault injected and ended,
 * the load drained, and the invariants checked from the stores ({@link FaultChecks}). It starts
 * the system itself through the local stack's Java API ({@link TestSystem}: free ports, its own
 * temporary data folder). {@code bench/faults} runs it; options in bench/README.md.
 */
public final class FaultSuite {

    /** A fault: how it begins and how it ends (a killed service is started again, a stopped broker too). */
    record Fault(String name, Runnable begin, Runnable end) {
    }

    /** What one scenario showed: its verdicts and how fast the system served again. */
    public record Outcome(String scenario, List<FaultChecks.Verdict> verdicts, int bookings, Optional<Duration> toFirstSuccess,
                          Optional<Duration> toDrainedOutbox) {

        public boolean holds() {
            return verdicts.stream().allMatch(FaultChecks.Verdict::holds);
        }
    }

    /** @param before load before the fault; @param outage how long the fault lasts; @param after load once it ended */
    public record Options(List<String> scenarios, double perSecond, Duration before, Duration outage, Duration after,
                          Duration drain) {

        /** One kill and one Kafka outage, about a minute of load in all: what CI runs. */
        public static final Options SHORT = new Options(List.of("kill-appointment-service", "kafka-outage"), 5,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(90));

        static final List<String> ALL = List.of("kill-appointment-service", "kill-patient-service", "kill-billing-service",
                "kill-analytics-service", "kafka-outage");

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
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("drain", "120"))));
            given.keySet().removeAll(List.of("scenarios", "rate", "before", "outage", "after", "drain"));
            options.scenarios().stream().filter(s -> !ALL.contains(s)).findAny().ifPresent(s -> {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            });
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "; see bench/README.md");
            }
            return options;
        }
    }

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println("fault suite: starting the system (PostgreSQL, Kafka, DynamoDB Local, S3, Keycloak, the services)");
        List<Outcome> outcomes = run(TestSystem.get().withDemoData(), options);
        System.out.println(table(outcomes));
        System.exit(outcomes.stream().allMatch(Outcome::holds) ? 0 : 1);
    }

    public static List<Outcome> run(TestSystem system, Options options) throws Exception {
        Target target = new Target(system.patientTarget(), system.appointmentTarget(), system.billingTarget(), "",
                system.keycloak().issuer(), Target.LOCAL_STACK.tokenClient(), "");
        List<Outcome> outcomes = new ArrayList<>();
        for (String scenario : options.scenarios()) {
            outcomes.add(scenario(scenario, fault(system, scenario), target, options));
        }
        return outcomes;
    }

    private static Fault fault(TestSystem system, String scenario) {
        if (scenario.equals("kafka-outage")) {
            return new Fault(scenario, () -> TestStack.kafka().stop(), () -> TestStack.kafka().startAgain());
        }
        String service = scenario.substring("kill-".length());
        return new Fault(scenario, () -> system.kill(service), () -> system.restart(service));
    }

    private static Outcome scenario(String name, Fault fault, Target target, Options options) throws Exception {
        System.out.printf("fault suite: %s: %.0f bookings/s, %ss before, %ss of fault, %ss after%n", name, options.perSecond(),
                options.before().toSeconds(), options.outage().toSeconds(), options.after().toSeconds());
        try (Clinic clinic = new Clinic(target, new Tokens(target));
             BookingWorkload load = new BookingWorkload(clinic, options.perSecond())) {
            load.start();
            Thread.sleep(options.before());
            fault.begin().run();
            Thread.sleep(options.outage());
            fault.end().run();
            Instant ended = Instant.now();
            Thread.sleep(options.after());
            List<BookingWorkload.Booking> bookings = load.stopAndDrain(options.drain());
            Optional<Duration> drained = FaultChecks.awaitOutboxDrained(options.drain())
                    .map(at -> Duration.between(ended, at));
            Optional<Duration> firstSuccess = bookings.stream()
                    .filter(booking -> booking.appointmentId().isPresent() && booking.answeredAt().isAfter(ended))
                    .map(BookingWorkload.Booking::answeredAt).min(Instant::compareTo)
                    .map(at -> Duration.between(ended, at));
            return new Outcome(name, new FaultChecks(clinic.practitionerId, clinic.bookingPatientId).check(bookings), bookings.size(), firstSuccess, drained);
        }
    }

    /** Scenarios by invariants, then the recovery figures. */
    static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder("\n| scenario | bookings | first success after the fault | outbox drained after |");
        List<String> invariants = outcomes.isEmpty() ? List.of()
                : outcomes.getFirst().verdicts().stream().map(FaultChecks.Verdict::invariant).toList();
        invariants.forEach(invariant -> table.append(' ').append(invariant).append(" |"));
        table.append("\n|---|---|---|---|").append("---|".repeat(invariants.size())).append('\n');
        for (Outcome outcome : outcomes) {
            table.append("| ").append(outcome.scenario()).append(" | ").append(outcome.bookings()).append(" | ")
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
