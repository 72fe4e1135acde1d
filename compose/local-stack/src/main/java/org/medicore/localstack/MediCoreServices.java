package org.medicore.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MediCore's own services, each from its built Spring Boot jar, with their settings pointed at
 * the components of the stack (the ports may differ from the services' defaults).
 */
final class MediCoreServices {

    record Ports(int patient, int appointment, int billing, int lab, int analytics, int bff) {

        static final Ports DEFAULTS = new Ports(9091, 9092, 9093, 9094, 8085, 8080);
    }

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

    /** Launches every service, then waits for all: they boot side by side. */
    static List<ServiceProcess> start(LocalStack stack, Path repository, Path data, Ports ports) {
        return start(Components.of(stack), repository, data, ports, true);
    }

    /** Launches the domain services and, with {@code withBff}, the BFF, then waits for all. */
    static List<ServiceProcess> start(Components stack, Path repository, Path data, Ports ports, boolean withBff) {
        KeycloakServer keycloak = stack.keycloak();
        Path logs = data.resolve("logs");
        String kafka = stack.kafka().bootstrapServers();
        List<ServiceProcess> launched = new ArrayList<>();
        try {
            launched.add(ServiceProcess.launch("patient-service",
                    jar(repository, "domain-services/patient-service"),
                    properties("spring.grpc.server.port", ports.patient(),
                            "medicore.patient.dynamodb.endpoint", stack.dynamoDb().endpoint(),
                            "medicore.patient.kafka.bootstrap-servers", kafka,
                            "medicore.patient.security.issuer", keycloak.issuer(),
                            "medicore.patient.security.jwk-set-uri", keycloak.jwksUri()),
                    ports.patient(), grpc(ports.patient()), logs));
            launched.add(ServiceProcess.launch("appointment-service",
                    jar(repository, "domain-services/appointment-service"),
                    properties("spring.grpc.server.port", ports.appointment(),
                            "spring.datasource.url", stack.postgres().jdbcUrl("appointments"),
                            "spring.kafka.bootstrap-servers", kafka,
                            "medicore.security.jwt.issuer-uri", keycloak.issuer(),
                            "medicore.security.jwt.jwk-set-uri", keycloak.jwksUri()),
                    ports.appointment(), grpc(ports.appointment()), logs));
            launched.add(ServiceProcess.launch("billing-service",
                    jar(repository, "domain-services/billing-service"),
                    properties("spring.grpc.server.port", ports.billing(),
                            "spring.datasource.url", stack.postgres().jdbcUrl("billing"),
                            "spring.kafka.bootstrap-servers", kafka,
                            "medicore.billing.security.issuer", keycloak.issuer(),
                            "medicore.billing.security.jwk-set-uri", keycloak.jwksUri()),
                    ports.billing(), grpc(ports.billing()), logs));
            launched.add(ServiceProcess.launch("lab-processor",
                    jar(repository, "domain-services/lab-processor"),
                    properties("spring.grpc.server.port", ports.lab(),
                            "medicore.lab.s3.endpoint", stack.objectStore().endpoint(),
                            "medicore.lab.dynamodb.endpoint", stack.dynamoDb().endpoint(),
                            "medicore.lab.kafka.bootstrap-servers", kafka,
                            "medicore.lab.patient-service.target", "127.0.0.1:" + ports.patient(),
                            "medicore.lab.patient-service.token-endpoint", keycloak.tokenEndpoint(),
                            "medicore.lab.security.issuer", keycloak.issuer(),
                            "medicore.lab.security.jwk-set-uri", keycloak.jwksUri()),
                    ports.lab(), grpc(ports.lab()), logs));
            launched.add(ServiceProcess.launch("analytics-service",
                    jar(repository, "domain-services/analytics-service"),
                    properties("server.port", ports.analytics(),
                            "spring.kafka.bootstrap-servers", kafka,
                            "spring.kafka.streams.state-dir", data.resolve("analytics-streams"),
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer(),
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak.jwksUri()),
                    ports.analytics(), List.of(new Component.Endpoint("read API", "http://127.0.0.1:" + ports.analytics() + "/api/analytics")), logs));
            if (withBff) {
                launched.add(launchBff(stack, repository, logs, ports, LOCAL_PORTAL_ORIGINS));
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
     * call it from {@code portalOrigins} (comma-separated). Call {@link ServiceProcess#awaitReady()}.
     */
    static ServiceProcess launchBff(Components stack, Path repository, Path logs, Ports ports, String portalOrigins) {
        KeycloakServer keycloak = stack.keycloak();
        return ServiceProcess.launch("bff-graphql",
                jar(repository, "bff-graphql"),
                properties("server.port", ports.bff(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer(),
                        "medicore.bff.services.patient", "127.0.0.1:" + ports.patient(),
                        "medicore.bff.services.appointment", "127.0.0.1:" + ports.appointment(),
                        "medicore.bff.services.billing", "127.0.0.1:" + ports.billing(),
                        "medicore.bff.services.lab", "127.0.0.1:" + ports.lab(),
                        "medicore.bff.keycloak.base-url", keycloak.baseUrl(),
                        "medicore.bff.live.bootstrap-servers", stack.kafka().bootstrapServers(),
                        "medicore.bff.live.analytics-url", "http://127.0.0.1:" + ports.analytics(),
                        "medicore.portal.origins", portalOrigins),
                ports.bff(), List.of(new Component.Endpoint("GraphQL", "http://127.0.0.1:" + ports.bff() + "/graphql")), logs);
    }

    /** The module's Spring Boot jar, whatever the project version is. */
    private static Path jar(Path repository, String module) {
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

    private static List<Component.Endpoint> grpc(int port) {
        return List.of(new Component.Endpoint("gRPC", "127.0.0.1:" + port));
    }

    private static Map<String, String> properties(Object... pairs) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return properties;
    }
}
