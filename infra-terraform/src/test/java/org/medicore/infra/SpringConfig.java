package org.medicore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Spring Boot module's application*.yaml files really read: the property names they set
 * and the ${NAME:default} placeholders in them. An environment variable "corresponds" to the
 * yaml when it is such a placeholder, or when Spring's relaxed binding maps it onto a property
 * the yaml sets (SPRING_KAFKA_BOOTSTRAPSERVERS or SPRING_KAFKA_BOOTSTRAP_SERVERS for
 * spring.kafka.bootstrap-servers).
 */
final class SpringConfig {

    /**
     * Boot's own settings that deployments may set although a service's yaml does not name them:
     * where the management server listens, where traces go (export is off without an endpoint),
     * where a resource server fetches the issuer's signing keys (inside the cluster), and the mail
     * server's login, which only a deployment's secret holds; and gRPC's mutual TLS, which only the
     * cluster turns on (service-support's {@code medicore.grpc.client.ssl-bundle} among them); the deployed
     * profile, and the audit trail's keys, which service-support's {@code AuditKeys} binds with local defaults.
     */
    static final Set<String> BOOT_PROPERTIES = Set.of("server.address", "management.server.port", "management.server.address",
            "management.opentelemetry.tracing.export.otlp.endpoint", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.mail.username", "spring.mail.password", "spring.flyway.enabled",
            "spring.ssl.bundle.pem.grpc.keystore.certificate", "spring.ssl.bundle.pem.grpc.keystore.private-key",
            "spring.ssl.bundle.pem.grpc.truststore.certificate", "spring.grpc.server.ssl.bundle",
            "spring.grpc.server.ssl.client-auth", "medicore.grpc.client.ssl-bundle", "spring.profiles.active",
            "medicore.audit.keys.key-encryption-key", "medicore.audit.keys.pseudonym-key");
    static final Set<String> ALL_INTERFACES = Set.of("0.0.0.0", "::", "*");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final List<String> PORT_PROPERTIES = List.of("server.port", "spring.grpc.server.port", "management.server.port");

    private final String module;
    private final Map<String, String> properties;
    private final Set<String> placeholders;

    private SpringConfig(String module, Map<String, String> properties, Set<String> placeholders) {
        this.module = module;
        this.properties = properties;
        this.placeholders = placeholders;
    }

    static boolean existsFor(String module) {
        return !yamlFiles(module).isEmpty();
    }

    static SpringConfig of(String module) {
        List<Path> files = yamlFiles(module);
        if (files.isEmpty()) {
            throw new IllegalStateException(module + " has no src/main/resources/application*.yaml");
        }
        Map<String, String> properties = new java.util.TreeMap<>();
        Set<String> placeholders = new TreeSet<>();
        for (Path file : files) {
            for (Map<String, Object> document : Repository.yamlDocuments(file)) {
                flatten("", document, properties);
            }
            Matcher matcher = PLACEHOLDER.matcher(Repository.read(file));
            while (matcher.find()) {
                placeholders.add(matcher.group(1).trim());
            }
        }
        return new SpringConfig(module, properties, placeholders);
    }

    private static List<Path> yamlFiles(String module) {
        Path resources = Repository.ROOT.resolve(module).resolve("src/main/resources");
        if (!Files.isDirectory(resources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(p -> p.getFileName().toString().matches("application.*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> into) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, into);
            } else {
                into.put(key, String.valueOf(entry.getValue()));
            }
        }
    }

    String module() {
        return module;
    }

    Map<String, String> properties() {
        return properties;
    }

    Set<String> placeholders() {
        return placeholders;
    }

    /** The property an environment variable binds to in this yaml, or null. */
    String propertyFor(String environmentVariable) {
        if (placeholders.contains(environmentVariable)) {
            return "${" + environmentVariable + "}";
        }
        for (String property : properties.keySet()) {
            if (relaxedMatch(environmentVariable, property)) {
                return property;
            }
            // A map the yaml fills ("spring.mail.properties.[mail.smtp.timeout]") takes any key from
            // the environment: SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH is its entry mail.smtp.auth.
            int map = property.indexOf(".[");
            if (map > 0 && environmentVariable.equals(environmentVariable.toUpperCase(Locale.ROOT))
                    && environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.').startsWith(property.substring(0, map).replace("-", "") + ".")) {
                return property.substring(0, map) + "." + environmentVariable;
            }
        }
        return null;
    }

    boolean reads(String environmentVariable) {
        return propertyFor(environmentVariable) != null;
    }

    /** Spring's SystemEnvironmentPropertyMapper: dashes dropped, or (legacy) dashes as underscores. */
    static boolean relaxedMatch(String environmentVariable, String property) {
        if (!environmentVariable.equals(environmentVariable.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String asProperty = environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
        String lower = property.toLowerCase(Locale.ROOT);
        return asProperty.equals(lower.replace("-", "")) || asProperty.equals(lower.replace('-', '.'));
    }

    /** The ports the service listens on: server, gRPC and management ports, overridden by the environment given. */
    Set<Integer> ports(Map<String, String> environment) {
        Set<Integer> ports = new TreeSet<>();
        for (String property : PORT_PROPERTIES) {
            String value = value(property, environment);
            if (value != null && value.matches("\\d+")) {
                ports.add(Integer.parseInt(value));
            }
        }
        return ports;
    }

    /** A property's value in this yaml, overridden by the environment given (relaxed binding), or null. */
    String value(String property, Map<String, String> environment) {
        String value = properties.get(property);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (relaxedMatch(variable.getKey(), property)) {
                value = variable.getValue();
            }
        }
        return value;
    }

    /**
     * The port of the actuator endpoints: management.server.port when set, else the one HTTP
     * server's port (the gRPC-only services serve nothing else over HTTP).
     */
    int managementPort(Map<String, String> environment) {
        String management = value("management.server.port", environment);
        return Integer.parseInt(management != null ? management : value("server.port", environment));
    }

    /**
     * Each port the service listens on, with the address it binds or null for every interface:
     * the HTTP server, the management server (which follows the HTTP server when it has no port
     * of its own) and the gRPC server.
     */
    Map<Integer, String> bindings(Map<String, String> environment) {
        Map<Integer, String> bindings = new java.util.TreeMap<>();
        String serverAddress = value("server.address", environment);
        bind(bindings, value("server.port", environment), serverAddress);
        if (value("management.server.port", environment) != null) {
            bind(bindings, value("management.server.port", environment), value("management.server.address", environment));
        }
        bind(bindings, value("spring.grpc.server.port", environment), value("spring.grpc.server.address", environment));
        return bindings;
    }

    private static void bind(Map<Integer, String> bindings, String port, String address) {
        if (port != null && port.matches("\\d+")) {
            bindings.put(Integer.parseInt(port), address == null || ALL_INTERFACES.contains(address) ? null : address);
        }
    }

    /** Environment variables among those given that this yaml does not read. */
    List<String> unread(Iterable<String> environmentVariables, Set<String> alsoAllowedProperties) {
        List<String> unread = new ArrayList<>();
        for (String variable : environmentVariables) {
            boolean allowed = alsoAllowedProperties.stream().anyMatch(property -> relaxedMatch(variable, property));
            if (!allowed && !reads(variable)) {
                unread.add(variable);
            }
        }
        return unread;
    }
}
