package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medicore.infra.KubernetesManifestsTest.list;
import static org.medicore.infra.KubernetesManifestsTest.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Supply chain: an SBOM of every Maven module and of the portal's npm packages from the build CI
 * runs, the portal's shipped packages audited in CI, images that run as a non-root user on a
 * read-only root file system, and every image of the overlays pinned by digest.
 */
class SupplyChainTest {

    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");
    /** Keycloak's stock image builds its Quarkus application into /opt/keycloak at start. */
    private static final Set<String> WRITABLE_ROOT = Set.of("keycloak");

    private final List<KubernetesManifestsTest.Resource> resources = KubernetesManifestsTest.loadBase();

    @Test
    void everyMavenModuleWritesItsCycloneDxSbomInTheBuild() {
        String root = Repository.read(Repository.ROOT.resolve("pom.xml"));
        String buildPlugins = root.substring(root.indexOf("</pluginManagement>"));
        // Spring Boot's parent gives the version and the execution (makeAggregateBom at
        // generate-resources into META-INF/sbom); declaring the plugin turns it on in every module.
        assertThat(buildPlugins).contains("<groupId>org.cyclonedx</groupId>", "<artifactId>cyclonedx-maven-plugin</artifactId>");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(root);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
            String pom = Repository.read(Repository.ROOT.resolve(module.group(1)).resolve("pom.xml"));
            assertThat(pom).as("%s inherits the root's build", module.group(1))
                    .containsPattern("<parent>\\s*<groupId>org\\.medicore</groupId>\\s*<artifactId>medicore</artifactId>");
        }
        assertThat(modules).contains("domain-services/notification-service", "domain-services/fhir-api", "web-portal");

        // This module's own build wrote one before its tests ran.
        Path sbom = Repository.INFRA.resolve("target/classes/META-INF/sbom/application.cdx.json");
        assumeTrue(Files.isRegularFile(sbom), "no SBOM in target/ (tests run outside Maven's lifecycle)");
        String json = Repository.read(sbom);
        assertThat(json).contains("\"bomFormat\" : \"CycloneDX\"", "\"name\" : \"infra-terraform\"");
    }

    @Test
    void thePortalsShippedPackagesHaveAnSbomAndAreAuditedInCi() {
        String portal = Repository.read(Repository.ROOT.resolve("web-portal/pom.xml"));
        assertThat(portal).contains("<id>npm-sbom</id>", "<argument>sbom</argument>", "<argument>--sbom-format=cyclonedx</argument>",
                "<argument>--omit=dev</argument>", "<outputFile>${project.build.directory}/bom.json</outputFile>");
        String ci = Repository.read(Repository.ROOT.resolve(".ci/run"));
        assertThat(ci).contains("./mvnw -B -ntp verify", "npm audit --omit=dev --audit-level=high --json", "npm_audit || status=1",
                "MEDICORE_AUDIT_REQUIRED");
    }

    @Test
    void everyImageRunsAsAnUnprivilegedUser() {
        assertThat(Repository.modulesWithAnImage()).isNotEmpty().allSatisfy(module -> {
            String user = Dockerfile.of(module).lastUser();
            assertThat(user).as("USER of %s's image (%s)", module, Dockerfile.pathOf(module)).isNotNull().matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        });
        for (KubernetesManifestsTest.Resource workload : workloads()) {
            Map<String, Object> pod = map(workload.body(), "spec", "template", "spec");
            assertThat(map(pod, "securityContext")).as(workload.name()).containsEntry("runAsNonRoot", true);
            for (Map<String, Object> container : list(pod, "containers")) {
                Map<String, Object> security = map(container, "securityContext");
                assertThat(security).as(workload.name()).containsEntry("allowPrivilegeEscalation", false);
                assertThat(map(security, "capabilities").get("drop")).as(workload.name()).isEqualTo(List.of("ALL"));
            }
        }
    }

    @Test
    void everyContainerButKeycloakHasAReadOnlyRootFileSystem() {
        for (KubernetesManifestsTest.Resource workload : workloads()) {
            if (WRITABLE_ROOT.contains(workload.name())) {
                continue;
            }
            for (Map<String, Object> container : list(map(workload.body(), "spec", "template", "spec"), "containers")) {
                assertThat(map(container, "securityContext")).as(workload.name()).containsEntry("readOnlyRootFilesystem", true);
            }
        }
        ComposeFile compose = ComposeFile.load();
        compose.builtModules().keySet().forEach(service -> {
            assertThat(compose.service(service)).as(service).containsEntry("read_only", true);
            assertThat(String.valueOf(compose.service(service).get("tmpfs"))).as(service).contains("/tmp");
        });
    }

    @Test
    void eachOverlayPinsEveryImageOfTheBaseByDigest() {
        Set<String> images = new TreeSet<>();
        workloads().forEach(workload -> list(map(workload.body(), "spec", "template", "spec"), "containers")
                .forEach(container -> images.add(String.valueOf(container.get("image")).replaceFirst(":[^:/]+$", ""))));
        assertThat(images).contains("medicore/notification-service", "medicore/fhir-api", "quay.io/keycloak/keycloak", "postgres");
        for (String overlay : List.of("dev", "prod")) {
            Map<String, Object> kustomization = Repository.yamlMap(Repository.KUBERNETES.resolve("overlays/" + overlay + "/kustomization.yaml"));
            Map<String, String> digests = new java.util.TreeMap<>();
            list(kustomization, "images").forEach(image -> digests.put((String) image.get("name"), String.valueOf(image.get("digest"))));
            assertThat(digests.keySet()).as(overlay).containsAll(images);
            digests.forEach((name, digest) -> assertThat(digest).as("%s: digest of %s", overlay, name).matches("sha256:[0-9a-f]{64}"));
        }
    }

    @Test
    void renderedOverlaysNameEveryImageByDigest() {
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: rendered images not checked");
        for (String overlay : List.of("dev", "prod")) {
            List<String> images = Repository.renderOverlay(overlay).lines().map(String::strip).filter(line -> line.startsWith("image: ") || line.startsWith("- image: "))
                    .map(line -> line.substring(line.indexOf("image: ") + "image: ".length())).toList();
            assertThat(images).as(overlay).isNotEmpty().allSatisfy(image -> assertThat(DIGEST.matcher(image).find()).as(image).isTrue());
        }
    }

    private List<KubernetesManifestsTest.Resource> workloads() {
        return resources.stream().filter(r -> List.of("Deployment", "Job").contains(r.kind())).toList();
    }
}
