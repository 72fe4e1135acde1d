package org.medicore.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process), started as
 * its own JVM so it behaves like the broker of production and dies with nothing else.
 */
public final class KafkaBroker implements Component {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final Path dataDirectory;
    private final Path logDirectory;
    private volatile ChildProcess process;

    private KafkaBroker(int port, Path dataDirectory, Path logDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.logDirectory = logDirectory;
    }

    /** Starts on {@code port} (0 = free), keeping its log segments in {@code dataDirectory}. */
    public static KafkaBroker start(Path dataDirectory, int port, Path logDirectory) {
        KafkaBroker kafka = new KafkaBroker(FreePorts.orFree(port), dataDirectory, logDirectory);
        kafka.launch();
        return kafka;
    }

    /** Stops the broker, its data kept, as an outage would; {@link #startAgain()} ends the outage. For fault tests. */
    public synchronized void stop() {
        process.close();
    }

    /** Starts a stopped broker again on the same port with the same data and waits until it answers. */
    public synchronized void startAgain() {
        launch();
    }

    private void launch() {
        int brokerPort = port;
        int controllerPort = FreePorts.free();
        Path logDirs = dataDirectory.resolve("log");
        Path config = dataDirectory.resolve("server.properties");
        writeConfig(config, logDirs, brokerPort, controllerPort);
        List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlogback.configurationFile=" + LogConfig.logbackFile(dataDirectory),
                "-Dlog4j2.configurationFile=" + LogConfig.log4j2File(dataDirectory));
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess format = ChildProcess.start("kafka-storage format",
                    ChildProcess.javaCommand(jvm, "kafka.tools.StorageTool",
                            List.of("format", "--cluster-id=" + clusterId(), "--config=" + config, "--ignore-formatted")),
                    Map.of(), dataDirectory, logDirectory.resolve("kafka-format.log"));
            if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + format.log());
            }
        }
        process = ChildProcess.start("Kafka",
                ChildProcess.javaCommand(jvm, "kafka.Kafka", List.of(config.toString())),
                Map.of(), dataDirectory, logDirectory.resolve("kafka.log"));
        process.awaitCondition(this::answers, "the broker to answer on port " + brokerPort, READY_TIMEOUT);
    }

    private static void writeConfig(Path config, Path logDirs, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                // A static voter set: the controller port may change between runs without reformatting.
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirs.toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        try {
            Files.createDirectories(logDirs);
            try (var out = Files.newBufferedWriter(config)) {
                properties.store(out, "written by the MediCore local stack on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + config, e);
        }
    }

    /** A random cluster id; passed as {@code --cluster-id=...}, since one in 64 starts with '-'. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        var buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private boolean answers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /**
     * Creates the topics that are missing, with {@code partitions} partitions each, and returns
     * once every broker's metadata lists them (creation alone is acknowledged before that).
     */
    public void ensureTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic, e.getCause());
                    }
                }
            }
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("topics " + topics + " not visible 30 s after their creation");
                }
                ChildProcess.sleep(Duration.ofMillis(100));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics in time", e);
        }
    }

    /**
     * The records with {@code key} on {@code topic}, values as text, read from its beginning for {@code within}: what a
     * test checks was, or was not, published (a record not there after that long is taken as never sent).
     */
    public List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, Duration within) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long until = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    @Override
    public String name() {
        return "Apache Kafka (KRaft)";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("bootstrap", bootstrapServers()), new Endpoint("log", process.log().toString()));
    }

    @Override
    public void close() {
        process.close();
    }
}
