package org.medicore.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.medicore.contracts.appointment.v1.CompleteAppointmentRequest;
import org.medicore.contracts.events.v1.InvoiceIssued;
import org.medicore.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Completion -> invoice: visits are completed over gRPC at a fixed rate, and billing issues each
 * one's invoice from the {@code AppointmentCompleted} event; the latency is from sending the
 * completion to hearing its {@code InvoiceIssued} on billing's topic. Invoices that never come
 * within the grace period are lost.
 *
 * <p>A visit can only be completed once it has begun, and a running system's clock cannot be
 * moved, so the visits are booked when the run starts: each with a patient and a practitioner of
 * its own (one slot each, which is why), whose working day begins at a whole minute shortly after.
 * By the time the scenario runs they have begun; if not, it waits and says so.
 */
final class CompletionToInvoice {

    private static final int SLOT_MINUTES = 5;
    private static final String INVOICE_ISSUED = InvoiceIssued.getDescriptor().getFullName();

    private final Target target;
    private final Clinic clinic;
    private final SystemCpu cpu;
    private final Instant begins;
    private final Queue<String> visits;

    private CompletionToInvoice(Target target, Clinic clinic, SystemCpu cpu, Instant begins, List<String> visits) {
        this.target = target;
        this.clinic = clinic;
        this.cpu = cpu;
        this.begins = begins;
        this.visits = new ConcurrentLinkedQueue<>(visits);
    }

    /** Books {@code count} visits that all begin at the first whole minute the booking leaves time for. */
    static CompletionToInvoice book(Target target, Clinic clinic, SystemCpu cpu, int count) throws Exception {
        // About 4 calls per visit on 8 threads; the margin keeps the last booking ahead of the start.
        Instant begins = Instant.now().plusSeconds(30 + count * 3L / 10).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        // The working day must not cross midnight where the practitioner works.
        ZoneId zone = begins.atZone(ZoneOffset.UTC).getHour() >= 23 ? ZoneId.of("Etc/GMT+12") : ZoneOffset.UTC;
        LocalTime from = begins.atZone(zone).toLocalTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> booked = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "Visit " + clinic.run + " " + i;
                booked.add(pool.submit(() -> {
                    String practitioner = clinic.newPractitioner(name, zone, SLOT_MINUTES, from, from.plusMinutes(SLOT_MINUTES));
                    String patient = clinic.register(name);
                    return clinic.appointments("admin").bookAppointment(clinic.booking(practitioner, patient, begins))
                            .getAppointment().getId();
                }));
            }
            List<String> visits = new ArrayList<>();
            for (Future<String> visit : booked) {
                visits.add(visit.get());
            }
            return new CompletionToInvoice(target, clinic, cpu, begins, visits);
        } finally {
            pool.shutdown();
        }
    }

    Measured run(double completionsPerSecond, Duration grace) throws Exception {
        long untilBegun = Duration.between(Instant.now(), begins).toMillis() + 1_000;
        if (untilBegun > 0) {
            System.out.printf("completion: waiting %.0f s until the booked visits have begun%n", untilBegun / 1000.0);
            Thread.sleep(untilBegun);
        }
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong invoiced = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        AtomicBoolean listening = new AtomicBoolean(true);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BILLING).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread listener = Thread.ofPlatform().name("invoices").start(() -> {
                while (listening.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        Long sent = isInvoiceIssued(record) ? sentAt.remove(appointmentOf(record.value())) : null;
                        if (sent != null) {
                            synchronized (latencies) {
                                latencies.recordValue(Math.min(System.nanoTime() - sent, latencies.getHighestTrackableValue()));
                            }
                            invoiced.incrementAndGet();
                        }
                    }
                }
            });

            int count = visits.size();
            SystemCpu.Sample before = cpu.sample();
            long start = System.nanoTime();
            Paced.run(completionsPerSecond, Duration.ofMillis((long) (count * 1000 / completionsPerSecond)), () -> {
                String visit = visits.poll();
                if (visit == null) {
                    return;
                }
                sentAt.put(visit, System.nanoTime());
                try {
                    clinic.appointments("admin").completeAppointment(CompleteAppointmentRequest.newBuilder()
                            .setAppointmentId(visit).build());
                } catch (RuntimeException e) {
                    sentAt.remove(visit);
                    failures.incrementAndGet();
                    firstFailure.compareAndSet("", e.getMessage());
                }
            });
            long deadline = System.nanoTime() + grace.toNanos();
            while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> spent = cpu.sample().secondsSince(before);
            listening.set(false);
            listener.join();
            long lost = sentAt.size();
            if (lost > 0) {
                firstFailure.compareAndSet("", lost + " invoices were not issued within " + grace.toSeconds() + " s");
            }
            return new Measured(BenchMain.COMPLETION_INVOICE + " @" + (int) completionsPerSecond + "/s", 1, invoiced.get(),
                    failures.get() + lost, seconds, latencies, spent, firstFailure.get());
        }
    }

    private static boolean isInvoiceIssued(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("event-type");
        return type != null && INVOICE_ISSUED.equals(new String(type.value(), StandardCharsets.UTF_8));
    }

    private static String appointmentOf(String json) {
        InvoiceIssued.Builder issued = InvoiceIssued.newBuilder();
        try {
            JsonFormat.parser().ignoringUnknownFields().merge(json, issued);
        } catch (InvalidProtocolBufferException e) {
            return "";
        }
        return issued.getAppointmentId();
    }
}
