package org.medicore.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The domain services, each from its built jar in its own JVM, on {@link TestStack}'s components
 * and free loopback ports: the whole system for tests of what sits on top of it (the BFF, the
 * portal). Started on first use, once per test JVM, stopped when the JVM exits (even when it is
 * told to exit in a hurry: see {@link ChildProcess}). The jars come
 * from the reactor's earlier modules, so run it under {@code ./mvnw verify} (or install first).
 */
public final class TestSystem {

    public static final String PATIENT = "patient-service";
    public static final String APPOINTMENT = "appointment-service";
    public static final String BILLING = "billing-service";
    public static final String LAB = "lab-processor";
    public static final String ANALYTICS = "analytics-service";
    public static final String NOTIFICATION = "notification-service";

    private static TestSystem running;

    private final MediCoreServices.Components components;
    private final MediCoreServices.Ports ports;
    private final Path data;
    private final ZoneId clinicZone;
    private boolean demoData;
    private String bffGraphQlUrl;
    private String fhirApiUrl;
    /** The FHIR API launched and not yet waited for. */
    private ServiceProcess fhirStarting;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private TestSystem(MediCoreServices.Components components, MediCoreServices.Ports ports, Path data, ZoneId clinicZone,
                       List<ServiceProcess> started) {
        this.components = components;
        this.ports = ports;
        this.data = data;
        this.clinicZone = clinicZone;
        started.forEach(service -> services.put(service.name(), service));
    }

    public static synchronized TestSystem get() {
        if (running == null) {
            LocalStack.SERVICE_DATABASES.forEach(TestStack.postgres()::ensureDatabase);
            MediCoreServices.Components components = new MediCoreServices.Components(TestStack.postgres(),
                    TestStack.kafka(), TestStack.dynamoDb(), TestStack.objectStore(), TestStack.keycloak());
            MediCoreServices.Ports ports = new MediCoreServices.Ports(FreePorts.free(), FreePorts.free(),
                    FreePorts.free(), FreePorts.free(), FreePorts.free(), FreePorts.free(), 0, 0, WorkloadTls.OFF);
            Path data = TestStack.directory("system");
            // GreenMail in this JVM, gone with it; the notification service delivers to it
            MailServer mail = MailServer.start(MailServer.Ports.FREE);
            // The service processes are stopped at exit by ChildProcess's one hook, all at once.
            // Analytics' days are those of a zone where it is about noon as the run starts: a booking a test
            // makes soon is then on analytics' today whatever the hour (in the clinic's own Europe/Berlin a
            // run after 23:00 can only book tomorrow, and today's figures stay empty).
            ZoneId clinicZone = aboutNoon();
            running = new TestSystem(components, ports, data, clinicZone,
                    MediCoreServices.start(components, mail, repository(), data, ports, false, Optional.of(clinicZone)));
        }
        return running;
    }

    /**
     * The zone of analytics' days and of the demo doctor's hours: one where it was about noon as the system
     * started (not the local stack's Europe/Berlin), so a test can book, check in and complete later hours of
     * today whenever it runs.
     */
    public ZoneId clinicZone() {
        return clinicZone;
    }

    /** A zone where it is now between 11:30 and 12:30, for a day a test can book later hours of whenever it runs. */
    public static ZoneId aboutNoon() {
        int hoursAhead = 12 - LocalTime.now(ZoneOffset.UTC).plusMinutes(30).getHour();
        return hoursAhead == 0 ? ZoneOffset.UTC : ZoneId.of(hoursAhead > 0 ? "Etc/GMT-" + hoursAhead : "Etc/GMT+" + -hoursAhead);
    }

    /** gRPC targets as {@code host:port}. */
    public String patientTarget() {
        return "127.0.0.1:" + ports.patient();
    }

    public String appointmentTarget() {
        return "127.0.0.1:" + ports.appointment();
    }

    public String billingTarget() {
        return "127.0.0.1:" + ports.billing();
    }

    public String labTarget() {
        return "127.0.0.1:" + ports.lab();
    }

    public String notificationTarget() {
        return "127.0.0.1:" + ports.notification();
    }

    /** analytics-service's HTTP read API, e.g. {@code http://127.0.0.1:1234}. */
    public String analyticsUrl() {
        return "http://127.0.0.1:" + ports.analytics();
    }

    public KeycloakServer keycloak() {
        return TestStack.keycloak();
    }

    public KafkaBroker kafka() {
        return TestStack.kafka();
    }

    /** The S3 store's endpoint, which presigned lab-report upload URLs name. */
    public String objectStoreEndpoint() {
        return TestStack.objectStore().endpoint();
    }

    /**
     * The local stack's demo records, written once: the demo patient's record (id = the
     * {@code patient} user's subject) and the {@code doctor} user's practitioner with weekday hours in {@link #clinicZone}.
     */
    public synchronized TestSystem withDemoData() {
        if (!demoData) {
            DemoData.seed(keycloak(), ports, clinicZone);
            demoData = true;
        }
        return this;
    }

    /** The service's actuator base URL: health probes and Prometheus metrics. */
    public synchronized String actuatorUrl(String service) {
        return "http://127.0.0.1:" + services.get(service).managementPort() + "/actuator";
    }

    /** Where every service writes its log (one {@code <service>.log} each). */
    public Path logDirectory() {
        return data.resolve("logs");
    }

    /**
     * The BFF from its jar on a free port in front of this system, for tests of the portal in a real
     * browser served from {@code portalOrigin}; started on first call. Answers its GraphQL URL. It reaches
     * the FHIR API when {@link #fhirApi()} or {@link #fhirApiStarting()} was called before it (a patient's
     * record to download), and waits for that too.
     */
    public synchronized String bff(String portalOrigin) {
        if (bffGraphQlUrl == null) {
            MediCoreServices.Ports withBff = new MediCoreServices.Ports(ports.patient(), ports.appointment(), ports.billing(),
                    ports.lab(), ports.analytics(), ports.notification(), FreePorts.free(), 0, ports.tls());
            // Without a FHIR API, a port nothing listens on: the record's download says the clinic is not answering.
            String fhir = fhirApiUrl == null ? "http://127.0.0.1:" + FreePorts.free() + "/fhir" : fhirApiUrl;
            ServiceProcess bff = MediCoreServices.launchBff(components, repository(), data.resolve("logs"), withBff, portalOrigin, fhir);
            services.put(bff.name(), bff);
            bff.awaitReady();
            awaitFhirApi();
            bffGraphQlUrl = "http://127.0.0.1:" + withBff.bff() + "/graphql";
        }
        return bffGraphQlUrl;
    }

    /** The FHIR API from its jar on a free port in front of this system; started on first call. Answers its base URL. */
    public synchronized String fhirApi() {
        fhirApiStarting();
        awaitFhirApi();
        return fhirApiUrl;
    }

    /**
     * Starts the FHIR API as {@link #fhirApi()} does without waiting for it: a {@link #bff} started next
     * waits for both at once, the two JVMs starting side by side. Answers its base URL.
     */
    public synchronized String fhirApiStarting() {
        if (fhirApiUrl == null) {
            int port = FreePorts.free();
            fhirStarting = MediCoreServices.launchFhirApi(components, repository(), data.resolve("logs"), ports, port);
            services.put(fhirStarting.name(), fhirStarting);
            fhirApiUrl = "http://127.0.0.1:" + port + "/fhir";
        }
        return fhirApiUrl;
    }

    private void awaitFhirApi() {
        if (fhirStarting != null) {
            fhirStarting.awaitReady();
            fhirStarting = null;
        }
    }

    /**
     * The demo doctor works every day from {@code start} in their zone ({@link #clinicZone}) until midnight:
     * for a test that books, checks in and completes an appointment today, whatever the day.
     */
    public TestSystem demoDoctorWorksEveryDayFrom(java.time.LocalTime start) {
        withDemoData();
        DemoData.doctorWorksEveryDayFrom(keycloak(), ports, start);
        return this;
    }

    /** Stops one service (see the constants), e.g. to see how its callers cope without it. */
    public synchronized void stop(String service) {
        services.get(service).close();
    }

    /** Kills one service at once ({@code kill -9}), as a crash would; {@link #restart} brings it back. */
    public synchronized void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a stopped service again on its port and waits until it listens. */
    public synchronized void restart(String service) {
        ServiceProcess started = services.get(service).relaunch();
        services.put(service, started);
        started.awaitReady();
    }

    /**
     * Stops a service and starts it again on its port with {@code settings} over its own (e.g. its database
     * reached through a {@link SlowLink}), and waits until it is ready; it keeps them for later restarts.
     */
    public synchronized void restart(String service, Map<String, String> settings) {
        services.get(service).close();
        ServiceProcess started = services.get(service).relaunch(settings);
        services.put(service, started);
        started.awaitReady();
    }

    /**
     * Stops a service and starts it again on its port with {@code environment} added to its process's (e.g. a
     * preloaded library that moves its clock), and waits until it is ready; {@link #stop} and {@link #restart(String)}
     * then start it as before.
     */
    public synchronized void restartWith(String service, Map<String, String> environment) {
        services.get(service).close();
        ServiceProcess started = services.get(service).relaunchWith(environment);
        services.put(service, started);
        started.awaitReady();
    }

    /** A service module's Spring Boot jar (e.g. {@code domain-services/appointment-service}), for a test that launches one alone. */
    public static Path serviceJar(String module) {
        return MediCoreServices.jar(repository(), module);
    }

    /** The repository's root: the nearest folder upwards that holds {@code mvnw}. */
    static Path repository() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.isRegularFile(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("the tests run outside the MediCore repository: no mvnw above "
                    + Path.of("").toAbsolutePath());
        }
        return folder;
    }
}
