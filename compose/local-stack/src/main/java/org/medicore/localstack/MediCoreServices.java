package org.medicore.localstack;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MediCore's own services, each from its built Spring Boot jar, with their settings pointed at
 * the components of the stack (the ports may differ from the services' defaults).
 */
final class MediCoreServices {

    /**
     * Where the services listen, and whether their gRPC runs with mutual TLS. Each also serves its health
     * probes and metrics over HTTP on its management port: {@code managementOffset} above its own port,
     * or a free port when the offset is 0.
     */
    record Ports(int patient, int appointment, int billing, int lab, int analytics, int notification, int bff,
                 int managementOffset, WorkloadTls tls) {

        static final Ports DEFAULTS = new Ports(9091, 9092, 9093, 9094, 8085, 9095, 8080, 100, WorkloadTls.OFF);

        Ports withTls(WorkloadTls tls) {
            return new Ports(patient, appointment, billing, lab, analytics, notification, bff, managementOffset, tls);
        }

        int management(int servicePort) {
            return managementOffset == 0 ? FreePorts.free() : servicePort + managementOffset;
        }

        /** A public HTTP port apart from the management one (notification-service's unsubscribe page): twice the offset above. */
        int publicPages(int servicePort) {
            return managementOffset == 0 ? FreePorts.free() : servicePort + 2 * managementOffset;
        }
    }

    /** Where the local stack serves the FHIR API (fhir-api's own default), its management port {@code managementOffset} above. */
    static final int FHIR_API_PORT = 8086;

    /** The portal as the local stack serves it ({@link LocalStackLauncher#PORTAL_PORT}) and as Vite's dev server does. */
    static final String LOCAL_PORTAL_ORIGINS = "http://localhost:4173,http://127.0.0.1:4173,http://localhost:5173,http://127.0.0.1:5173";

    private MediCoreServices() {
    }

    /** The components the services run on. */
    record Components(PostgresServer postgres, KafkaBroker kafka, DynamoDbServer dynamoDb, ObjectStore objectStore,
                      KeycloakServer keycloak) {

        static Components of(LocalStack stack) {
            return new Components(stack.postgres(), stack.kafka(), stack.dynamoDb(), stack.objectStore(),
                    stack.keycloak().orElseThrow(() -> new IllegalStateException(
                            "the services need Keycloak; drop --no-keycloak or add --no-services")));
        }
    }

    /** Launches every service, the notification service sending to {@code mail}, then waits for all: they boot side by side. */
    static List<ServiceProcess> start(LocalStack stack, MailServer mail, Path repository, Path data, Ports ports) {
        return start(Components.of(stack), mail, repository, data, ports, true, Optional.empty());
    }

    /**
     * Launches the domain services (the notification service sending to {@code mail}) and, with
     * {@code withBff}, the BFF and the FHIR API, then waits for all. analytics-service counts the days
     * of {@code clinicZone}, or of the zone it is configured with when empty.
     */
    static List<ServiceProcess> start(Components stack, MailServer mail, Path repository, Path data, Ports ports,
                                      boolean withBff, Optional<ZoneId> clinicZone) {
        KeycloakServer keycloak = stack.keycloak();
        Path logs = data.resolve("logs");
        String kafka = stack.kafka().bootstrapServers();
        String audit = stack.postgres().jdbcUrl(AuditDatabase.NAME);
        List<ServiceProcess> launched = new ArrayList<>();
        try {
            int patientManagement = ports.management(ports.patient());
            launched.add(ServiceProcess.launch("patient-service",
                    jar(repository, "domain-services/patient-service"),
                    ports.tls().addTo("patient-service", properties("server.port", patientManagement,
                            "spring.grpc.server.port", ports.patient(),
                            "medicore.audit.url", audit,
                            "medicore.patient.dynamodb.endpoint", stack.dynamoDb().endpoint(),
                            "medicore.patient.kafka.bootstrap-servers", kafka,
                            "medicore.patient.security.issuer", keycloak.issuer(),
                            "medicore.patient.security.jwk-set-uri", keycloak.jwksUri(),
                            // an approved erasure deletes the patient's login in this Keycloak, wherever it listens
                            "medicore.patient.accounts.keycloak-url", keycloak.baseUrl())),
                    patientManagement, grpc(ports.patient(), patientManagement), logs));
            int appointmentManagement = ports.management(ports.appointment());
            launched.add(ServiceProcess.launch("appointment-service",
                    jar(repository, "domain-services/appointment-service"),
                    ports.tls().addTo("appointment-service", properties("server.port", appointmentManagement,
                            "spring.grpc.server.port", ports.appointment(),
                            "medicore.audit.url", audit,
                            "spring.datasource.url", stack.postgres().jdbcUrl("appointments"),
                            "spring.kafka.bootstrap-servers", kafka,
                            "medicore.security.jwt.issuer-uri", keycloak.issuer(),
                            "medicore.security.jwt.jwk-set-uri", keycloak.jwksUri())),
                    appointmentManagement, grpc(ports.appointment(), appointmentManagement), logs));
            int billingManagement = ports.management(ports.billing());
            launched.add(ServiceProcess.launch("billing-service",
                    jar(repository, "domain-services/billing-service"),
                    ports.tls().addTo("billing-service", properties("server.port", billingManagement,
                            "spring.grpc.server.port", ports.billing(),
                            "medicore.audit.url", audit,
                            "spring.datasource.url", stack.postgres().jdbcUrl("billing"),
                            "spring.kafka.bootstrap-servers", kafka,
                            "medicore.billing.security.issuer", keycloak.issuer(),
                            "medicore.billing.security.jwk-set-uri", keycloak.jwksUri())),
                    billingManagement, grpc(ports.billing(), billingManagement), logs));
            int labManagement = ports.management(ports.lab());
            launched.add(ServiceProcess.launch("lab-processor",
                    jar(repository, "domain-services/lab-processor"),
                    ports.tls().addTo("lab-processor", properties("server.port", labManagement,
                            "spring.grpc.server.port", ports.lab(),
                            "medicore.audit.url", audit,
                            "medicore.lab.s3.endpoint", stack.objectStore().endpoint(),
                            "medicore.lab.dynamodb.endpoint", stack.dynamoDb().endpoint(),
                            "medicore.lab.kafka.bootstrap-servers", kafka,
                            "medicore.lab.patient-service.target", "127.0.0.1:" + ports.patient(),
                            "medicore.lab.patient-service.token-endpoint", keycloak.tokenEndpoint(),
                            "medicore.lab.security.issuer", keycloak.issuer(),
                            "medicore.lab.security.jwk-set-uri", keycloak.jwksUri())),
                    labManagement, grpc(ports.lab(), labManagement), logs));
            launched.add(launchNotificationService(stack, mail, repository, data, ports));
            int analyticsManagement = ports.management(ports.analytics());
            Map<String, String> analytics = properties("management.server.port", analyticsManagement,
                    "server.port", ports.analytics(),
                    "spring.kafka.bootstrap-servers", kafka,
                    "spring.kafka.streams.state-dir", data.resolve("analytics-streams"),
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer(),
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak.jwksUri());
            clinicZone.ifPresent(zone -> analytics.put("medicore.analytics.zone", zone.getId()));
            launched.add(ServiceProcess.launch("analytics-service",
                    jar(repository, "domain-services/analytics-service"), analytics,
                    analyticsManagement, List.of(new Component.Endpoint("read API", "http://127.0.0.1:" + ports.analytics() + "/api/analytics"),
                            health(analyticsManagement)), logs));
            if (withBff) {
                launched.add(launchBff(stack, repository, logs, ports, LOCAL_PORTAL_ORIGINS,
                        "http://127.0.0.1:" + FHIR_API_PORT + "/fhir"));
                launched.add(launchFhirApi(stack, repository, logs, ports, FHIR_API_PORT));
            }
            launched.forEach(ServiceProcess::awaitReady);
            return launched;
        } catch (RuntimeException e) {
            launched.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /**
     * Launches the BFF on {@code ports.bff()} in front of the services on {@code ports}; browsers may
     * call it from {@code portalOrigins} (comma-separated); it asks the FHIR API at {@code fhirApiUrl} for a
     * patient's whole record. Call {@link ServiceProcess#awaitReady()}.
     */
    static ServiceProcess launchBff(Components stack, Path repository, Path logs, Ports ports, String portalOrigins,
                                    String fhirApiUrl) {
        KeycloakServer keycloak = stack.keycloak();
        int management = ports.management(ports.bff());
        return ServiceProcess.launch("bff-graphql",
                jar(repository, "bff-graphql"),
                ports.tls().addTo("bff-graphql", properties("management.server.port", management,
                        "server.port", ports.bff(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer(),
                        "spring.datasource.url", stack.postgres().jdbcUrl(AuditDatabase.NAME),
                        "medicore.bff.services.patient", "127.0.0.1:" + ports.patient(),
                        "medicore.bff.services.appointment", "127.0.0.1:" + ports.appointment(),
                        "medicore.bff.services.billing", "127.0.0.1:" + ports.billing(),
                        "medicore.bff.services.lab", "127.0.0.1:" + ports.lab(),
                        "medicore.bff.services.notification", "127.0.0.1:" + ports.notification(),
                        "medicore.bff.keycloak.base-url", keycloak.baseUrl(),
                        "medicore.bff.live.bootstrap-servers", stack.kafka().bootstrapServers(),
                        "medicore.bff.live.analytics-url", "http://127.0.0.1:" + ports.analytics(),
                        "medicore.bff.fhir.base-url", fhirApiUrl,
                        "medicore.portal.origins", portalOrigins)),
                management, List.of(new Component.Endpoint("GraphQL", "http://127.0.0.1:" + ports.bff() + "/graphql"),
                        health(management)), logs);
    }

    /**
     * Launches the FHIR API on {@code port} in front of patient-, appointment-, billing-service and lab-processor on {@code ports},
     * its bulk export files in the S3 store's bucket {@link ObjectStore#FHIR_EXPORTS_BUCKET}.
     * Call {@link ServiceProcess#awaitReady()}.
     */
    static ServiceProcess launchFhirApi(Components stack, Path repository, Path logs, Ports ports, int port) {
        int management = ports.management(port);
        stack.objectStore().ensureBucket(ObjectStore.FHIR_EXPORTS_BUCKET);
        return ServiceProcess.launch("fhir-api",
                jar(repository, "domain-services/fhir-api"),
                ports.tls().addTo("fhir-api", properties("management.server.port", management,
                        "server.port", port,
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", stack.keycloak().issuer(),
                        "spring.datasource.url", stack.postgres().jdbcUrl(AuditDatabase.NAME),
                        "medicore.audit.url", stack.postgres().jdbcUrl(AuditDatabase.NAME),
                        "medicore.fhir.services.patient", "127.0.0.1:" + ports.patient(),
                        "medicore.fhir.services.appointment", "127.0.0.1:" + ports.appointment(),
                        "medicore.fhir.services.lab", "127.0.0.1:" + ports.lab(),
                        "medicore.fhir.services.billing", "127.0.0.1:" + ports.billing(),
                        "medicore.fhir.export.s3.endpoint", stack.objectStore().endpoint(),
                        "medicore.fhir.export.s3.bucket", ObjectStore.FHIR_EXPORTS_BUCKET)),
                management, List.of(new Component.Endpoint("FHIR R4", "http://127.0.0.1:" + port + "/fhir"),
                        health(management)), logs);
    }

    /**
     * Launches the notification service on {@code ports.notification()} (ListNotifications): it reads the
     * event topics, asks patient-service on {@code ports} for a new patient's contact details, keeps its
     * state in database {@code notifications}, sends mail to {@code mail} and writes SMS to
     * {@code sms/outbox.txt} of the data folder. Every message's unsubscribe link opens its page on the
     * service's public HTTP port (9295; its actuator is on the management port, 9195, as every service's),
     * signed with a secret kept in the data folder, so the links of messages sent before a restart still
     * work. Call {@link ServiceProcess#awaitReady()}.
     */
    static ServiceProcess launchNotificationService(Components stack, MailServer mail, Path repository, Path data,
                                                    Ports ports) {
        Path smsFile = data.resolve("sms").resolve("outbox.txt");
        int management = ports.management(ports.notification());
        int pages = ports.publicPages(ports.notification());
        String unsubscribePage = "http://127.0.0.1:" + pages + "/unsubscribe";
        return ServiceProcess.launch("notification-service",
                jar(repository, "domain-services/notification-service"),
                ports.tls().addTo("notification-service", properties("management.server.port", management,
                        "server.port", pages,
                        "spring.grpc.server.port", ports.notification(),
                        "medicore.audit.url", stack.postgres().jdbcUrl(AuditDatabase.NAME),
                        "spring.datasource.url", stack.postgres().jdbcUrl("notifications"),
                        "spring.kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", mail.smtpPort(),
                        "medicore.notification.sms.file", smsFile,
                        "medicore.notification.unsubscribe.url", unsubscribePage,
                        "medicore.notification.unsubscribe.secret", UnsubscribeSecret.in(data),
                        "medicore.notification.patient-service.target", "127.0.0.1:" + ports.patient(),
                        "medicore.notification.patient-service.token-endpoint", stack.keycloak().tokenEndpoint(),
                        "medicore.notification.security.issuer", stack.keycloak().issuer(),
                        "medicore.notification.security.jwk-set-uri", stack.keycloak().jwksUri())),
                management, List.of(new Component.Endpoint("gRPC", "127.0.0.1:" + ports.notification()),
                        new Component.Endpoint("SMS file", smsFile.toString()),
                        new Component.Endpoint("unsubscribe page", unsubscribePage), health(management)),
                data.resolve("logs"));
    }

    /** The module's Spring Boot jar, whatever the project version is. */
    static Path jar(Path repository, String module) {
        Path target = repository.resolve(module).resolve("target");
        String artifact = Path.of(module).getFileName().toString();
        try (var files = java.nio.file.Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(java.util.regex.Pattern.quote(artifact) + "-[0-9][^/]*(?<!-sources|-javadoc|-tests)\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar of " + module + " in " + target
                            + "; build it with ./mvnw install -DskipTests"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(module + " is not built; run ./mvnw install -DskipTests", e);
        }
    }

    private static List<Component.Endpoint> grpc(int port, int management) {
        return List.of(new Component.Endpoint("gRPC", "127.0.0.1:" + port), health(management));
    }

    private static Component.Endpoint health(int management) {
        return new Component.Endpoint("health, metrics", "http://127.0.0.1:" + management + "/actuator");
    }

    private static Map<String, String> properties(Object... pairs) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return properties;
    }
}
