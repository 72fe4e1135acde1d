package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** infra-terraform/kubernetes: the Kustomize base and overlays, checked as YAML (and rendered when kubectl is here). */
class KubernetesManifestsTest {

    private static final List<String> OVERLAYS = List.of("dev", "prod");
    /** The container port named management in every Deployment, where the probes go. */
    private static final int MANAGEMENT_PORT = 8081;
    /** The Spring profile every deployed Spring workload runs with (service-support's AuditKeys.CLOUD_PROFILE). */
    private static final String CLOUD_PROFILE = "cloud";
    /** The Secrets that hold the audit trail's eraser login (medicore_audit_eraser). */
    private static final Set<String> ERASER_READERS = Set.of("postgres-init-env", "patient-service-env");
    private final List<Resource> resources = loadBase();
    private final ComposeFile compose = ComposeFile.load();

    record Resource(Path file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) map(body, "metadata").get("name");
        }
    }

    /** Every resource of kubernetes/base, kustomization files left out. */
    static List<Resource> loadBase() {
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.KUBERNETES.resolve("base"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    Repository.yamlDocuments(file).forEach(body -> resources.add(new Resource(file, body)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
            if (current == null) {
                return Map.of();
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    private static Map<String, Object> container(Resource deployment) {
        return list(map(deployment.body(), "spec", "template", "spec"), "containers").get(0);
    }

    @Test
    void everyYamlFileParsesAndEveryKustomizationResourceExists() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.KUBERNETES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<Map<String, Object>> documents = Repository.yamlDocuments(file);
                assertThat(documents).as(file.toString()).isNotEmpty();
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    for (Object resource : (List<?>) documents.get(0).getOrDefault("resources", List.of())) {
                        assertThat(file.getParent().resolve(String.valueOf(resource))).as("%s lists %s", file, resource).exists();
                    }
                }
            }
        }
        assertThat(ofKind("Deployment")).isNotEmpty();
    }

    @Test
    void everyDeploymentHasProbesResourcesABudgetAndAnAutoscaler() {
        for (Resource deployment : ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> container = container(deployment);
            assertThat(container).as(name).containsKeys("livenessProbe", "readinessProbe");
            assertThat(map(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(map(container, "resources", "limits")).as(name).containsKey("memory");
            Object labels = map(deployment.body(), "spec", "selector", "matchLabels");
            assertThat(map(deployment.body(), "spec", "template", "metadata", "labels")).as(name).containsAllEntriesOf(map(deployment.body(), "spec", "selector", "matchLabels"));

            assertThat(ofKind("PodDisruptionBudget")).as("PDB of %s", name)
                    .anyMatch(pdb -> Objects.equals(map(pdb.body(), "spec", "selector", "matchLabels"), labels));
            // The autoscaler scales the Deployment, or the Rollout that runs its pods (workloadRef).
            String scaled = ofKind("Rollout").stream().anyMatch(r -> name.equals(map(r.body(), "spec", "workloadRef").get("name")))
                    ? "Rollout" : "Deployment";
            assertThat(ofKind("HorizontalPodAutoscaler")).as("HPA of %s", name)
                    .anyMatch(hpa -> name.equals(map(hpa.body(), "spec", "scaleTargetRef").get("name"))
                            && scaled.equals(map(hpa.body(), "spec", "scaleTargetRef").get("kind")));
            assertThat(ofKind("Service")).as("Service of %s", name)
                    .anyMatch(service -> Objects.equals(map(service.body(), "spec", "selector"), labels));
        }
    }

    @Test
    void springServicesProbeTheActuatorHealthGroupsOnTheManagementPort() {
        for (Resource deployment : ofKind("Deployment")) {
            if (!compose.springServices().containsKey(deployment.name())) {
                continue;
            }
            Map<String, Object> container = container(deployment);
            assertThat(map(container, "livenessProbe", "httpGet")).as(deployment.name())
                    .containsEntry("path", "/actuator/health/liveness").containsEntry("port", "management");
            assertThat(map(container, "readinessProbe", "httpGet")).as(deployment.name())
                    .containsEntry("path", "/actuator/health/readiness").containsEntry("port", "management");
            SpringConfig spring = SpringConfig.of(compose.builtModules().get(deployment.name()));
            Map<String, String> config = environmentOf(configMapOf(deployment));
            int management = spring.managementPort(config);
            assertThat(management).as("%s: the ConfigMap moves the actuator to 8081", deployment.name()).isEqualTo(MANAGEMENT_PORT);
            assertThat(list(container, "ports")).as(deployment.name())
                    .anyMatch(port -> "management".equals(port.get("name")) && Integer.valueOf(management).equals(port.get("containerPort")));
            assertThat(spring.bindings(config)).as("%s: every port listens beyond the pod (null = every interface)", deployment.name())
                    .containsKey(management).allSatisfy((port, address) -> assertThat(address).as("address of port %s", port).isNull());
            assertThat(map(map(deployment.body(), "spec", "template", "spec"), "securityContext")).containsEntry("runAsNonRoot", true);
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        List<String> scraped = new ArrayList<>();
        for (Resource deployment : ofKind("Deployment")) {
            if (!compose.springServices().containsKey(deployment.name())) {
                continue;
            }
            scraped.add(deployment.name());
            assertThat(map(deployment.body(), "spec", "template", "metadata", "annotations")).as(deployment.name())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(compose.springServices().keySet());
    }

    @Test
    void servicesAuditAsTheWriterTheBffReadsAsTheReaderAndTheInitJobCreatesThemAndTheEraser() {
        Map<String, String> job = secretKeys("postgres-init-env");
        String script = initScript();
        assertThat(script).contains("owned_database \"$AUDIT_DB_USER\" \"$AUDIT_DB_PASSWORD\" audit",
                "login \"$AUDIT_WRITER_USER\" \"$AUDIT_WRITER_PASSWORD\" audit", "login \"$AUDIT_READER_USER\" \"$AUDIT_READER_PASSWORD\" audit",
                "login \"$AUDIT_ERASER_USER\" \"$AUDIT_ERASER_PASSWORD\" audit");
        assertThat(job).containsEntry("AUDIT_ERASER_USER", "medicore-ENV/audit-eraser#username")
                .containsEntry("AUDIT_ERASER_PASSWORD", "medicore-ENV/audit-eraser#password");
        assertThat(PostgresInitTest.provisionScript()).contains("GRANT CONNECT ON DATABASE");
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\$([A-Z_]+)").matcher(script);
        while (variable.find()) {
            assertThat(job).as("the Job's script reads $%s", variable.group(1)).containsKey(variable.group(1));
        }

        List<String> audited = new ArrayList<>();
        for (Resource deployment : ofKind("Deployment")) {
            String module = compose.springServices().get(deployment.name());
            if (module == null || !SpringConfig.of(module).properties().containsKey("medicore.audit.url")) {
                continue;
            }
            audited.add(deployment.name());
            Map<String, String> secret = secretKeys(deployment.name() + "-env");
            assertThat(secret).as(deployment.name())
                    .containsEntry("MEDICORE_AUDIT_USERNAME", job.get("AUDIT_WRITER_USER"))
                    .containsEntry("MEDICORE_AUDIT_PASSWORD", job.get("AUDIT_WRITER_PASSWORD"))
                    .containsKey("MEDICORE_AUDIT_URL")
                    // The migration Job owns the trail's schema; a service gets no owner login to run it.
                    .doesNotContainKeys("MEDICORE_AUDIT_OWNERUSERNAME", "MEDICORE_AUDIT_OWNERPASSWORD");
        }
        assertThat(audited).containsExactlyInAnyOrder("patient-service", "appointment-service", "billing-service", "lab-processor",
                "notification-service", "fhir-api");
        for (String reader : List.of("bff-graphql", "fhir-api")) {
            assertThat(secretKeys(reader + "-env")).as(reader)
                    .containsEntry("MEDICORE_AUDIT_READER", job.get("AUDIT_READER_USER"))
                    .containsEntry("MEDICORE_AUDIT_READER_PASSWORD", job.get("AUDIT_READER_PASSWORD"))
                    .containsKey("MEDICORE_AUDIT_URL");
        }
    }

    @Test
    void everyWorkloadThatWritesOrReadsTheAuditTrailGetsBothKeysAndRunsInTheProfileThatRefusesTheLocalOnes() {
        List<String> withKeys = new ArrayList<>();
        for (Resource deployment : ofKind("Deployment")) {
            String module = compose.springServices().get(deployment.name());
            if (module == null) {
                continue;
            }
            // The deployed profile, under which AuditKeys refuses its built-in keys.
            assertThat(configMapOf(deployment)).as(deployment.name()).containsEntry("SPRING_PROFILES_ACTIVE", CLOUD_PROFILE);
            Map<String, String> secret = secretKeys(deployment.name() + "-env");
            boolean writes = SpringConfig.of(module).properties().containsKey("medicore.audit.url");
            boolean reads = secret.containsKey("MEDICORE_AUDIT_READER");
            if (writes || reads) {
                withKeys.add(deployment.name());
                assertThat(secret).as(deployment.name())
                        .containsEntry("MEDICORE_AUDIT_KEYS_KEYENCRYPTIONKEY", "medicore-ENV/audit-key-encryption-key#key")
                        .containsEntry("MEDICORE_AUDIT_KEYS_PSEUDONYMKEY", "medicore-ENV/audit-pseudonym-key#key");
            } else {
                assertThat(secret.keySet()).as(deployment.name()).noneMatch(key -> key.startsWith("MEDICORE_AUDIT_KEYS_"));
            }
        }
        assertThat(withKeys).containsExactlyInAnyOrder("patient-service", "appointment-service", "billing-service", "lab-processor",
                "notification-service", "fhir-api", "bff-graphql");
        assertThat(Repository.read(Repository.ROOT.resolve("domain-services/service-support/src/main/java/org/medicore/support/audit/AuditKeys.java")))
                .as("the profile AuditKeys refuses its local keys in").contains("CLOUD_PROFILE = \"" + CLOUD_PROFILE + "\"");
    }

    @Test
    void onlyTheInitJobThatCreatesItAndTheWorkloadThatErasesReadTheErasersLogin() {
        // patient-service carries out an approved erasure (ForgetPatient); no other serving workload may destroy a key.
        for (Resource externalSecret : ofKind("ExternalSecret")) {
            String target = (String) map(externalSecret.body(), "spec", "target").get("name");
            boolean readsEraser = secretKeys(target).values().stream().anyMatch(ref -> ref.startsWith("medicore-ENV/audit-eraser#"));
            assertThat(readsEraser).as("%s reads medicore-ENV/audit-eraser", target).isEqualTo(ERASER_READERS.contains(target));
        }
    }

    @Test
    void theInitJobCreatesEveryServiceDatabaseWithItsOwnLogin() {
        Map<String, String> job = secretKeys("postgres-init-env");
        String script = initScript();
        java.util.regex.Pattern database = java.util.regex.Pattern.compile("medicore-ENV/([a-z]+)-db#jdbc_url");
        String terraform = Hcl.text("modules/secrets");
        for (Resource deployment : ofKind("Deployment")) {
            String module = compose.springServices().get(deployment.name());
            if (module == null || !secretKeys(deployment.name() + "-env").containsKey("SPRING_DATASOURCE_URL")) {
                continue;
            }
            Map<String, String> secret = secretKeys(deployment.name() + "-env");
            java.util.regex.Matcher url = database.matcher(secret.get("SPRING_DATASOURCE_URL"));
            assertThat(url.matches()).as("%s: its database's own secret", deployment.name()).isTrue();
            String prefix = url.group(1).toUpperCase(java.util.Locale.ROOT) + "_DB_";
            assertThat(job).as(deployment.name()).containsEntry(prefix + "USER", secret.get("SPRING_DATASOURCE_USERNAME"))
                    .containsEntry(prefix + "PASSWORD", secret.get("SPRING_DATASOURCE_PASSWORD"));
            // The database the service's yaml names is the one the Job creates and Terraform's jdbc_url names.
            String local = SpringConfig.of(module).properties().get("spring.datasource.url");
            String name = local.substring(local.lastIndexOf('/') + 1);
            assertThat(script).as(deployment.name()).contains("login \"$" + prefix + "USER\" \"$" + prefix + "PASSWORD\" " + name + "\n");
            // Owned by the migration login of the same database, from its own secret.
            String owner = url.group(1).toUpperCase(java.util.Locale.ROOT) + "_OWNER_";
            assertThat(script).as(deployment.name()).contains("owned_database \"$" + owner + "USER\" \"$" + owner + "PASSWORD\" " + name + "\n");
            assertThat(job).as(deployment.name()).containsEntry(owner + "USER", "medicore-ENV/" + url.group(1) + "-migration#username")
                    .containsEntry(owner + "PASSWORD", "medicore-ENV/" + url.group(1) + "-migration#password");
            assertThat(terraform).as(deployment.name())
                    .contains(url.group(1) + "-db={database=" + name + ",");
        }
    }

    @Test
    void theNotificationServicesSecretsAndLinksAreTheDeployments() {
        Map<String, String> secret = secretKeys("notification-service-env");
        assertThat(secret).containsEntry("MEDICORE_NOTIFICATION_UNSUBSCRIBE_SECRET", "medicore-ENV/notification-unsubscribe#secret")
                .containsEntry("MEDICORE_NOTIFICATION_PATIENTSERVICE_CLIENTSECRET", "medicore-ENV/partner-client#client_secret")
                .containsEntry("SPRING_MAIL_USERNAME", "medicore-ENV/notification-smtp#username")
                .containsEntry("SPRING_MAIL_PASSWORD", "medicore-ENV/notification-smtp#password");
        // 48 characters of [A-Za-z0-9]: 48 bytes, the 32 HmacUnsubscribeTokens needs at least.
        Map<String, Object> password = Hcl.typedBlocks("modules/secrets", "resource").get("random_password").get("notification_unsubscribe");
        assertThat(((Number) password.get("length")).intValue()).isGreaterThanOrEqualTo(32);
        assertThat(password).containsEntry("special", false);
        // The link every message carries opens the page through the public Ingress.
        String portal = (String) dataOf("keycloak-config").get("MEDICORE_PORTAL_URL");
        assertThat(dataOf("notification-service-config")).containsEntry("MEDICORE_NOTIFICATION_UNSUBSCRIBE_URL", portal + "/unsubscribe")
                .containsEntry("MEDICORE_NOTIFICATION_CLINIC_PORTALURL", portal);
        assertThat(dataOf("bff-graphql-config")).containsEntry("MEDICORE_NOTIFICATION_TARGET", "notification-service:9095")
                .containsEntry("MEDICORE_FHIR_API_URL", "http://fhir-api:8086/fhir");
    }

    @Test
    void everySecretReadIsOneTerraformWrites() {
        String terraform = Hcl.text("modules/secrets") + Hcl.text("modules/keycloak");
        for (Resource externalSecret : ofKind("ExternalSecret")) {
            for (Map<String, Object> entry : list(map(externalSecret.body(), "spec"), "data")) {
                String key = String.valueOf(map(entry, "remoteRef").get("key"));
                assertThat(key).startsWith("medicore-ENV/");
                assertThat(terraform).as("%s reads %s", externalSecret.name(), key).contains(key.substring(key.indexOf('/') + 1));
            }
        }
    }

    /** The services' instance's part of postgres-init: the calls of the provisioning functions. */
    private String initScript() {
        return String.valueOf(jobContainer("postgres-init", "services").get("args"));
    }

    private Map<String, Object> jobContainer(String job, String container) {
        Resource resource = ofKind("Job").stream().filter(j -> j.name().equals(job)).findFirst()
                .orElseThrow(() -> new AssertionError("no Job " + job));
        return list(map(resource.body(), "spec", "template", "spec"), "containers").stream()
                .filter(c -> container.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(job + " has no container " + container));
    }

    @Test
    void keycloaksDatabaseIsMadeOnItsOwnInstanceOwnedByItsOwnLogin() {
        assertThat(String.valueOf(jobContainer("postgres-init", "keycloak").get("args")))
                .contains("owned_database \"$KEYCLOAK_DB_USER\" \"$KEYCLOAK_DB_PASSWORD\" \"$KEYCLOAK_DB_NAME\"");
        assertThat(secretKeys("postgres-init-keycloak-env")).containsEntry("PGUSER", "medicore-ENV/keycloak-db-provisioner#username")
                .containsEntry("KEYCLOAK_DB_USER", "medicore-ENV/keycloak-db#username")
                .containsEntry("KEYCLOAK_DB_NAME", "medicore-ENV/keycloak-db#dbname");
        assertThat(secretKeys("postgres-init-env")).containsEntry("PGUSER", "medicore-ENV/db-provisioner#username");
        // The database Keycloak's login opens is the one the Job makes, not the master's first database.
        assertThat(Hcl.text("modules/keycloak")).contains("dbname   = \"keycloak\"", "/keycloak?${var.jdbc_tls_parameters}");
        assertThat(Hcl.blocks("modules/keycloak", "module").get("database")).containsEntry("database_name", "provisioning");
    }

    @Test
    void theMigrationJobMigratesEachDatabaseAsItsOwnerFromTheServicesOwnImageAndTheServicesDoNot() {
        Map<String, String> databases = Map.of("appointments", "appointment", "billing", "billing", "notifications", "notification");
        databases.forEach((database, login) -> {
            String service = login + "-service";
            Map<String, Object> container = jobContainer("schema-migrations", database);
            Resource deployment = ofKind("Deployment").stream().filter(d -> d.name().equals(service)).findFirst().orElseThrow();
            assertThat(container.get("image")).as(database).isEqualTo(container(deployment).get("image"));
            assertThat(String.valueOf(container.get("command"))).contains("org.medicore.support.migration.SchemaMigration");
            assertThat(String.valueOf(container.get("env"))).contains("value=service");
            assertThat(secretKeys("schema-migrations-" + database + "-env")).as(database).isEqualTo(Map.of(
                    "MIGRATION_URL", "medicore-ENV/" + login + "-migration#jdbc_url",
                    "MIGRATION_USERNAME", "medicore-ENV/" + login + "-migration#username",
                    "MIGRATION_PASSWORD", "medicore-ENV/" + login + "-migration#password",
                    // the runtime login's name, never its password
                    "RUNTIME_USERNAME", secretKeys(service + "-env").get("SPRING_DATASOURCE_USERNAME")));
            assertThat(dataOf(service + "-config")).as(service).containsEntry("SPRING_FLYWAY_ENABLED", "false");
        });
        assertThat(String.valueOf(jobContainer("schema-migrations", "audit").get("env"))).contains("value=audit");
        assertThat(secretKeys("schema-migrations-audit-env")).containsEntry("MIGRATION_USERNAME", "medicore-ENV/audit-db#username")
                .doesNotContainKey("RUNTIME_USERNAME");
        // Only the Jobs read a migration or provisioner login: no pod that serves gets one.
        Set<String> ownerSecrets = Set.of("appointment-migration", "billing-migration", "notification-migration", "audit-db",
                "db-provisioner", "keycloak-db-provisioner");
        for (Resource deployment : ofKind("Deployment")) {
            for (Map<String, Object> source : list(container(deployment), "envFrom")) {
                String secret = (String) map(source, "secretRef").get("name");
                if (secret != null) {
                    secretKeys(secret).values().forEach(ref -> assertThat(ownerSecrets)
                            .as("%s reads %s", deployment.name(), ref).doesNotContain(ref.substring(ref.indexOf('/') + 1, ref.indexOf('#'))));
                }
            }
        }
    }

    @Test
    void podsRestartWhenExternalSecretsChangesASecretTheyRead() {
        for (Resource deployment : ofKind("Deployment")) {
            Set<String> secrets = new java.util.TreeSet<>();
            list(container(deployment), "envFrom").forEach(source -> {
                Object secret = map(source, "secretRef").get("name");
                if (secret != null) {
                    secrets.add((String) secret);
                }
            });
            // cert-manager's renewed certificates too
            list(map(deployment.body(), "spec", "template", "spec"), "volumes").forEach(volume -> {
                Object secret = map(volume, "secret").get("secretName");
                if (secret != null) {
                    secrets.add((String) secret);
                }
            });
            Object reload = map(deployment.body(), "metadata", "annotations").get("secret.reloader.stakater.com/reload");
            if (secrets.isEmpty()) {
                assertThat(reload).as(deployment.name()).isNull();
            } else {
                assertThat(new java.util.TreeSet<>(List.of(String.valueOf(reload).split(",")))).as(deployment.name()).isEqualTo(secrets);
            }
        }
    }

    @Test
    void everyGrpcWorkloadServesAndCallsWithMutualTlsOnItsOwnCertificateOfTheClustersCa() {
        assertThat(ofKind("Issuer")).filteredOn(issuer -> issuer.name().equals("medicore-grpc"))
                .singleElement().satisfies(issuer -> assertThat(map(issuer.body(), "spec", "ca")).containsEntry("secretName", "medicore-grpc-ca"));
        for (String workload : List.of("patient-service", "appointment-service", "billing-service", "lab-processor",
                "notification-service", "fhir-api", "bff-graphql")) {
            Resource certificate = ofKind("Certificate").stream().filter(c -> c.name().equals(workload + "-grpc")).findFirst()
                    .orElseThrow(() -> new AssertionError("no gRPC certificate for " + workload));
            Map<String, Object> spec = map(certificate.body(), "spec");
            assertThat(map(spec, "issuerRef")).as(workload).containsEntry("name", "medicore-grpc");
            assertThat(spec.get("usages")).as(workload).asInstanceOf(InstanceOfAssertFactories.LIST).contains("server auth", "client auth");
            assertThat(spec.get("dnsNames")).as(workload).asInstanceOf(InstanceOfAssertFactories.LIST).contains(workload);

            Resource deployment = ofKind("Deployment").stream().filter(d -> d.name().equals(workload)).findFirst().orElseThrow();
            assertThat(list(map(deployment.body(), "spec", "template", "spec"), "volumes")).as(workload)
                    .anyMatch(volume -> (workload + "-grpc-tls").equals(map(volume, "secret").get("secretName"))
                            && list(container(deployment), "volumeMounts").stream().anyMatch(mount ->
                            volume.get("name").equals(mount.get("name")) && "/etc/medicore/grpc-tls".equals(mount.get("mountPath"))));
            assertThat(dataOf(workload + "-config")).as(workload)
                    .containsEntry("SPRING_SSL_BUNDLE_PEM_GRPC_KEYSTORE_CERTIFICATE", "file:/etc/medicore/grpc-tls/tls.crt")
                    .containsEntry("SPRING_SSL_BUNDLE_PEM_GRPC_KEYSTORE_PRIVATEKEY", "file:/etc/medicore/grpc-tls/tls.key")
                    .containsEntry("SPRING_SSL_BUNDLE_PEM_GRPC_TRUSTSTORE_CERTIFICATE", "file:/etc/medicore/grpc-tls/ca.crt")
                    .containsEntry("SPRING_GRPC_SERVER_SSL_BUNDLE", "grpc")
                    .containsEntry("SPRING_GRPC_SERVER_SSL_CLIENTAUTH", "require")
                    .containsEntry("MEDICORE_GRPC_CLIENT_SSLBUNDLE", "grpc");
        }
    }

    /** An ExternalSecret's keys, each with the secret and property it comes from ("medicore-ENV/audit-db#password"). */
    private Map<String, String> secretKeys(String target) {
        Resource externalSecret = ofKind("ExternalSecret").stream()
                .filter(es -> target.equals(map(es.body(), "spec", "target").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no ExternalSecret makes " + target));
        Map<String, String> keys = new java.util.TreeMap<>();
        list(map(externalSecret.body(), "spec"), "data").forEach(entry -> keys.put((String) entry.get("secretKey"),
                map(entry, "remoteRef").get("key") + "#" + map(entry, "remoteRef").get("property")));
        return keys;
    }

    private static Map<String, String> environmentOf(Map<String, Object> configMap) {
        Map<String, String> environment = new java.util.TreeMap<>();
        configMap.forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    @Test
    void imagesAndPortsAreThoseOfTheComposeFile() {
        for (Resource deployment : ofKind("Deployment")) {
            String name = deployment.name();
            Map<String, Object> container = container(deployment);
            assertThat(compose.image(name)).as("image of %s", name).isEqualTo(container.get("image"));
            List<Integer> servicePorts = list(container, "ports").stream()
                    .filter(port -> !"management".equals(port.get("name")))
                    .map(port -> (Integer) port.get("containerPort")).toList();
            if (compose.builtModules().containsKey(name)) {
                // The management port differs on purpose: the local stack's numbers in compose, 8081 here.
                Set<Integer> composePorts = new java.util.TreeSet<>(compose.containerPorts(name));
                if (compose.springServices().containsKey(name)) {
                    composePorts.remove(compose.managementPort(name));
                }
                assertThat(composePorts).as("ports of %s", name).containsExactlyInAnyOrderElementsOf(servicePorts);
            }
        }
    }

    @Test
    void configAndSecretKeysAreWhatEachServiceReads() {
        List<String> problems = new ArrayList<>();
        for (Resource deployment : ofKind("Deployment")) {
            String module = compose.builtModules().get(deployment.name());
            if (module == null) {
                continue; // Keycloak: configured by its own documented KC_* options
            }
            Set<String> variables = new java.util.TreeSet<>(configMapOf(deployment).keySet());
            for (Map<String, Object> source : list(container(deployment), "envFrom")) {
                String secret = (String) map(source, "secretRef").get("name");
                if (secret != null) {
                    Resource externalSecret = ofKind("ExternalSecret").stream()
                            .filter(es -> secret.equals(map(es.body(), "spec", "target").get("name"))).findFirst()
                            .orElseThrow(() -> new AssertionError(deployment.name() + " uses Secret " + secret + " that no ExternalSecret makes"));
                    list(map(externalSecret.body(), "spec"), "data").forEach(entry -> variables.add((String) entry.get("secretKey")));
                }
            }
            if (!compose.springServices().containsKey(deployment.name())) {
                // Not a Spring module (the portal): its image declares what it reads with ENV.
                Set<String> declared = Dockerfile.of(module).environment().keySet();
                variables.stream().filter(v -> !declared.contains(v))
                        .forEach(v -> problems.add(deployment.name() + ": " + v + " is no ENV of " + module + "/Dockerfile"));
                continue;
            }
            SpringConfig config = SpringConfig.of(module);
            config.unread(variables, SpringConfig.BOOT_PROPERTIES)
                    .forEach(v -> problems.add(deployment.name() + ": " + v + " is read by nothing in " + module + "'s application*.yaml"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyServiceWithKafkaClientsSignsInToMskWithIam() {
        Map<String, Object> kafkaClient = ofKind("ConfigMap").stream().filter(c -> c.name().equals("medicore-kafka-client"))
                .findFirst().map(c -> map(c.body(), "data")).orElseThrow();
        assertThat(kafkaClient).containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "AWS_MSK_IAM")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_CLIENT_CALLBACK_HANDLER_CLASS",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        assertThat((String) kafkaClient.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .startsWith("software.amazon.msk.auth.iam.IAMLoginModule required");
        List<String> kafkaClients = new ArrayList<>();
        for (Resource deployment : ofKind("Deployment")) {
            String module = compose.springServices().get(deployment.name());
            if (module == null) {
                continue;
            }
            SpringConfig spring = SpringConfig.of(module);
            boolean usesKafka = spring.properties().keySet().stream().anyMatch(key -> key.contains("kafka"))
                    || spring.placeholders().stream().anyMatch(placeholder -> placeholder.contains("KAFKA"));
            boolean signsIn = list(container(deployment), "envFrom").stream()
                    .anyMatch(source -> "medicore-kafka-client".equals(map(source, "configMapRef").get("name")));
            assertThat(signsIn).as("%s takes medicore-kafka-client exactly when it has Kafka clients", deployment.name()).isEqualTo(usesKafka);
            if (usesKafka) {
                kafkaClients.add(deployment.name());
            }
        }
        assertThat(kafkaClients).contains("patient-service", "notification-service", "bff-graphql").doesNotContain("fhir-api");
    }

    @Test
    void analyticsReplicasShareOneStreamsApplicationId() {
        Resource analytics = ofKind("Deployment").stream().filter(d -> d.name().equals("analytics-service")).findFirst().orElseThrow();
        assertThat(SpringConfig.of("domain-services/analytics-service").properties()).containsKey("spring.kafka.streams.application-id");
        assertThat(configMapOf(analytics).keySet()).noneMatch(key -> key.contains("APPLICATIONID") || key.contains("APPLICATION_ID"));
        assertThat(container(analytics)).doesNotContainKey("env");
        assertThat(map(analytics.body(), "spec").get("replicas")).isInstanceOf(Integer.class);
    }

    @Test
    void noSecretValueIsCommitted() {
        assertThat(ofKind("Secret")).isEmpty();
        for (Resource externalSecret : ofKind("ExternalSecret")) {
            assertThat(map(externalSecret.body(), "spec", "secretStoreRef")).containsEntry("name", "aws-secrets-manager");
        }
    }

    @Test
    void patientServicesPodsAreRegisteredAtTheBalancerTheLambdaCalls() {
        Resource binding = ofKind("TargetGroupBinding").stream().filter(b -> b.name().equals("patient-service-grpc"))
                .findFirst().orElseThrow();
        Map<String, Object> serviceRef = map(binding.body(), "spec", "serviceRef");
        Resource service = ofKind("Service").stream().filter(s -> s.name().equals(serviceRef.get("name"))).findFirst().orElseThrow();
        assertThat(list(map(service.body(), "spec"), "ports")).anySatisfy(port -> assertThat(port.get("port")).isEqualTo(serviceRef.get("port")));
        assertThat(map(binding.body(), "spec")).containsEntry("targetType", "ip");
        for (String overlay : OVERLAYS) {
            // modules/grpc_endpoint names the target group "<name>-patient-grpc".
            assertThat(Repository.read(Repository.KUBERNETES.resolve("overlays/" + overlay + "/kustomization.yaml")))
                    .containsPattern("- patient_grpc_target_group_arn=arn:aws:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/medicore-"
                            + overlay + "-patient-grpc/[0-9a-f]{16}\\n");
        }
    }

    @Test
    void thePublicIngressServesThePortalAndOnlyKeycloaksPublicPaths() {
        Resource ingress = ofKind("Ingress").stream().filter(i -> i.name().equals("medicore-public")).findFirst().orElseThrow();
        Map<String, Object> spec = map(ingress.body(), "spec");
        assertThat(spec).containsEntry("ingressClassName", "alb");
        assertThat(map(ingress.body(), "metadata", "annotations"))
                .containsEntry("alb.ingress.kubernetes.io/scheme", "internet-facing")
                .containsEntry("alb.ingress.kubernetes.io/ssl-redirect", "443");
        Map<String, Map<String, String>> routes = new java.util.LinkedHashMap<>();
        for (Map<String, Object> rule : list(spec, "rules")) {
            Map<String, String> paths = new java.util.LinkedHashMap<>();
            for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                Map<String, Object> backend = map(path, "backend", "service");
                String service = (String) backend.get("name");
                Object port = map(backend, "port").get("name");
                assertThat(ofKind("Service")).as("Service %s with port %s", service, port)
                        .anyMatch(svc -> svc.name().equals(service)
                                && list(map(svc.body(), "spec"), "ports").stream().anyMatch(p -> port.equals(p.get("name"))));
                paths.put((String) path.get("path"), service);
            }
            routes.put((String) rule.get("host"), paths);
        }
        assertThat(list(spec, "tls")).singleElement().satisfies(tls -> assertThat(tls.get("hosts")).isEqualTo(List.copyOf(routes.keySet())));

        // The hosts are those the configuration names: the portal's origin, Keycloak's host name.
        String portal = (String) dataOf("keycloak-config").get("MEDICORE_PORTAL_URL");
        String auth = (String) dataOf("keycloak-config").get("KC_HOSTNAME");
        // The partners' host: the one the overlays' partner_host replaces (components/environment).
        String partners = List.copyOf(routes.keySet()).get(2);
        assertThat(routes).containsOnlyKeys(portal.substring("https://".length()), auth.substring("https://".length()), partners);
        assertThat(routes.get(partners)).as("partner systems reach the FHIR API only").isEqualTo(Map.of("/fhir", "fhir-api"));
        assertThat(Repository.read(Repository.KUBERNETES.resolve("components/environment/kustomization.yaml")))
                .contains("fieldPath: data.partner_host}\n    targets:\n      - select: {kind: Ingress, name: medicore-public}\n"
                        + "        fieldPaths: [spec.rules.2.host, spec.tls.0.hosts.2]");
        for (String overlay : OVERLAYS) {
            assertThat(Repository.read(Repository.KUBERNETES.resolve("overlays/" + overlay + "/kustomization.yaml"))).as(overlay)
                    .containsPattern("\\n      - partner_host=[a-z0-9.-]+\\n");
        }
        // The portal, and the unsubscribe page of the links in patients' mail and SMS (opened without signing in).
        assertThat(routes.get(portal.substring("https://".length()))).isEqualTo(Map.of("/", "web-portal",
                "/unsubscribe", "notification-service", "/u/", "notification-service"));
        assertThat(routes.get(auth.substring("https://".length()))).as("no admin console in public")
                .isEqualTo(Map.of("/realms/", "keycloak", "/resources/", "keycloak"));
        assertThat(dataOf("bff-graphql-config")).containsEntry("MEDICORE_PORTAL_ORIGINS", portal)
                .containsEntry("MEDICORE_ISSUER_URI", auth + "/realms/medicore");
        assertThat(dataOf("web-portal-config")).containsEntry("MEDICORE_KEYCLOAK_URL", auth)
                .containsEntry("MEDICORE_BFF_URL", "http://bff-graphql:8080");
    }

    private Map<String, Object> dataOf(String configMap) {
        return ofKind("ConfigMap").stream().filter(c -> c.name().equals(configMap)).findFirst()
                .map(c -> map(c.body(), "data")).orElseThrow();
    }

    @Test
    void overlaysRender() {
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: overlays not rendered (kubectl kustomize)");
        for (String overlay : OVERLAYS) {
            String rendered = Repository.renderOverlay(overlay);
            assertThat(rendered).as(overlay).doesNotContain("medicore-ENV", ".invalid")
                    .contains("key: medicore-" + overlay + "/platform");
        }
    }

    private Map<String, Object> configMapOf(Resource deployment) {
        for (Map<String, Object> source : list(container(deployment), "envFrom")) {
            String name = (String) map(source, "configMapRef").get("name");
            if (name != null) {
                return ofKind("ConfigMap").stream().filter(c -> name.equals(c.name())).findFirst()
                        .map(c -> map(c.body(), "data")).orElseThrow(() -> new AssertionError("no ConfigMap " + name));
            }
        }
        return Map.of();
    }
}
