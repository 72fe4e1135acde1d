package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every PostgreSQL client of the cloud deployment checks who answers (issue 27, point 3): RDS's
 * certificate against Amazon's CA bundle and its host name against the URL (sslmode=verify-full),
 * the bundle mounted from the ConfigMap rds-ca-bundle where each client's settings name it.
 */
class DatabaseTlsTest {

    private static final Path BUNDLE = Repository.KUBERNETES.resolve("base/rds-ca/global-bundle.pem");
    private static final String BUNDLE_FOLDER_IN_CONTAINER = "/etc/medicore/rds-ca";
    private static final String BUNDLE_IN_CONTAINER = BUNDLE_FOLDER_IN_CONTAINER + "/" + BUNDLE.getFileName();
    private static final String TLS_PARAMETERS = "sslmode=verify-full&sslrootcert=" + BUNDLE_IN_CONTAINER;
    private static final Pattern SSLMODE = Pattern.compile("(?i)sslmode\\s*[=:]\\s*\"?([a-z-]+)");
    private static final Pattern JDBC_URL_ATTRIBUTE = Pattern.compile("jdbc_url\\s*=\\s*\"([^\"]*)\"");
    /** The containers of the overlays that open PostgreSQL (a JDBC URL or libpq's PGHOST from their Secret). */
    private static final Set<String> DATABASE_CLIENTS = Set.of(
            "Deployment/patient-service/patient-service", "Deployment/appointment-service/appointment-service",
            "Deployment/billing-service/billing-service", "Deployment/lab-processor/lab-processor",
            "Deployment/notification-service/notification-service", "Deployment/fhir-api/fhir-api",
            "Deployment/bff-graphql/bff-graphql", "Deployment/keycloak/keycloak",
            "Job/postgres-init/services", "Job/postgres-init/keycloak",
            "Job/schema-migrations/appointments", "Job/schema-migrations/billing",
            "Job/schema-migrations/notifications", "Job/schema-migrations/audit");

    @Test
    void terraformWritesEveryJdbcUrlWithVerifyFullAgainstTheMountedBundle() {
        String platform = Repository.read(Repository.INFRA.resolve("modules/platform/main.tf"));
        assertThat(platform).contains("jdbc_tls_parameters = \"" + TLS_PARAMETERS + "\"");
        Map<String, Map<String, Object>> modules = Hcl.blocks("modules/platform", "module");
        assertThat(modules.get("secrets")).containsEntry("jdbc_tls_parameters", "${local.jdbc_tls_parameters}");
        // Keycloak's URL takes the value modules/secrets checked: that module refuses require or verify-ca, whoever calls it.
        assertThat(modules.get("keycloak")).containsEntry("jdbc_tls_parameters", "${module.secrets.jdbc_tls_parameters}");
        assertThat(Repository.read(Repository.INFRA.resolve("modules/secrets/variables.tf")))
                .contains("regex(\"^sslmode=verify-full&sslrootcert=/[^&]+$\", var.jdbc_tls_parameters)");

        List<String> urls = new ArrayList<>();
        for (Path file : Hcl.paths()) {
            String text = Repository.read(file);
            assertThat(modes(text)).as(file.toString()).isSubsetOf("verify-full");
            Matcher url = JDBC_URL_ATTRIBUTE.matcher(text);
            while (url.find()) {
                urls.add(url.group(1));
            }
        }
        // the services' databases and the audit trail (modules/secrets), Keycloak's (modules/keycloak)
        assertThat(urls).hasSize(3).allSatisfy(url -> assertThat(url).endsWith("?${var.jdbc_tls_parameters}"));
        // AWS's rotation functions: verify-full without falling back to a connection without TLS
        for (String module : List.of("secrets", "keycloak")) {
            assertThat(Repository.read(Repository.INFRA.resolve("modules/" + module + "/main.tf"))).as(module).containsPattern("\\n\\s+ssl\\s+= true\\n");
        }
    }

    @Test
    void noClientInTheRenderedOverlaysSettlesForLessThanVerifyFull() {
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: overlays not rendered (kubectl kustomize)");
        for (String overlay : List.of("dev", "prod")) {
            String rendered = Repository.renderOverlay(overlay);
            assertThat(modes(rendered)).as(overlay).containsExactly("verify-full");
            assertThat(rendered).as(overlay).contains("export PGSSLROOTCERT=" + BUNDLE_IN_CONTAINER);
        }
    }

    @Test
    void everyContainerThatOpensPostgresMountsTheBundleWhereItsSettingsNameIt() {
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: overlays not rendered (kubectl kustomize)");
        for (String overlay : List.of("dev", "prod")) {
            Rendered rendered = Rendered.of(Repository.renderOverlay(overlay));
            Set<String> clients = new HashSet<>();
            for (Map<String, Object> workload : rendered.ofKinds("Deployment", "Job")) {
                Map<String, Object> pod = KubernetesManifestsTest.map(workload, "spec", "template", "spec");
                Map<String, String> configMapVolumes = new HashMap<>();
                KubernetesManifestsTest.list(pod, "volumes").forEach(volume -> configMapVolumes.put((String) volume.get("name"),
                        (String) KubernetesManifestsTest.map(volume, "configMap").get("name")));
                for (Map<String, Object> container : KubernetesManifestsTest.list(pod, "containers")) {
                    String id = workload.get("kind") + "/" + name(workload) + "/" + container.get("name");
                    if (!rendered.opensPostgres(container)) {
                        continue;
                    }
                    clients.add(id);
                    Map<String, Object> mount = KubernetesManifestsTest.list(container, "volumeMounts").stream()
                            .filter(m -> BUNDLE_FOLDER_IN_CONTAINER.equals(m.get("mountPath"))).findFirst()
                            .orElseThrow(() -> new AssertionError(overlay + ": " + id + " does not mount " + BUNDLE_FOLDER_IN_CONTAINER));
                    assertThat(mount.get("readOnly")).as(id).isEqualTo(true);
                    String configMap = configMapVolumes.get((String) mount.get("name"));
                    assertThat(configMap).as(id).startsWith("rds-ca-bundle-");
                    Map<String, Object> bundle = rendered.configMap(configMap);
                    assertThat(KubernetesManifestsTest.map(bundle, "data")).as(id).containsKey(BUNDLE.getFileName().toString());
                    assertThat(KubernetesManifestsTest.map(bundle, "metadata", "annotations")).as(configMap)
                            .containsEntry("argocd.argoproj.io/sync-options", "ServerSideApply=true");
                }
            }
            assertThat(clients).as(overlay).isEqualTo(DATABASE_CLIENTS);
        }
    }

    @Test
    void theBundleComesWithTheManifestsNotWithTheImages() {
        for (String module : Repository.modulesWithAnImage()) {
            assertThat(Repository.read(Dockerfile.pathOf(module))).as(module)
                    .doesNotContain("truststore.pki.rds", "sslrootcert");
        }
    }

    @Test
    void theBundleHoldsAmazonsRdsCertificatesForEveryRegionThePlatformUses() throws CertificateException {
        List<X509Certificate> certificates = certificates(Repository.read(BUNDLE));
        assertThat(certificates).as("kubernetes/base/rds-ca/global-bundle.pem: without a certificate every connection to RDS is refused").isNotEmpty();
        assertThat(certificates).allSatisfy(certificate -> assertThat(certificate.getSubjectX500Principal().getName())
                .contains("OU=Amazon RDS", "O=Amazon Web Services\\, Inc."));
        Date now = Date.from(Instant.now());
        List<String> current = certificates.stream().filter(certificate -> now.after(certificate.getNotBefore())
                && now.before(certificate.getNotAfter())).map(certificate -> certificate.getSubjectX500Principal().getName()).toList();
        for (String region : regions()) {
            assertThat(current).as("a current CA of %s (a restore there is trusted too)", region).anyMatch(subject -> subject.contains(" " + region + " "));
        }
    }

    private static List<String> modes(String text) {
        List<String> modes = new ArrayList<>();
        Matcher mode = SSLMODE.matcher(text);
        while (mode.find()) {
            modes.add(mode.group(1).toLowerCase());
        }
        return modes.stream().distinct().toList();
    }

    /** The regions of the environments' provider configurations (envs/dev, envs/prod), backup copies included. */
    private static Set<String> regions() {
        Set<String> regions = new HashSet<>();
        for (String environment : List.of("dev", "prod")) {
            Matcher region = Pattern.compile("region\\s*=\\s*\"([a-z0-9-]+)\"")
                    .matcher(Repository.read(Repository.INFRA.resolve("envs/" + environment + "/main.tf")));
            while (region.find()) {
                regions.add(region.group(1));
            }
        }
        assertThat(regions).isNotEmpty();
        return regions;
    }

    private static List<X509Certificate> certificates(String pem) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL).matcher(pem);
        while (block.find()) {
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.group().getBytes(StandardCharsets.US_ASCII))));
        }
        return certificates;
    }

    private static String name(Map<String, Object> resource) {
        return (String) KubernetesManifestsTest.map(resource, "metadata").get("name");
    }

    /** One overlay as kubectl kustomize renders it. */
    private record Rendered(List<Map<String, Object>> resources) {

        @SuppressWarnings("unchecked")
        static Rendered of(String yaml) {
            List<Map<String, Object>> resources = new ArrayList<>();
            Repository.yaml().loadAll(yaml).forEach(document -> resources.add((Map<String, Object>) document));
            return new Rendered(resources);
        }

        List<Map<String, Object>> ofKinds(String... kinds) {
            return resources.stream().filter(resource -> List.of(kinds).contains(resource.get("kind"))).toList();
        }

        Map<String, Object> configMap(String name) {
            return ofKinds("ConfigMap").stream().filter(configMap -> name.equals(name(configMap))).findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        }

        /** A container opens PostgreSQL when its Secret brings a JDBC URL (property jdbc_url) or libpq's PGHOST. */
        boolean opensPostgres(Map<String, Object> container) {
            for (Map<String, Object> source : KubernetesManifestsTest.list(container, "envFrom")) {
                String secret = (String) KubernetesManifestsTest.map(source, "secretRef").get("name");
                for (Map<String, Object> externalSecret : ofKinds("ExternalSecret")) {
                    if (secret != null && secret.equals(KubernetesManifestsTest.map(externalSecret, "spec", "target").get("name"))
                            && KubernetesManifestsTest.list(KubernetesManifestsTest.map(externalSecret, "spec"), "data").stream()
                                    .anyMatch(item -> "PGHOST".equals(item.get("secretKey"))
                                            || "jdbc_url".equals(KubernetesManifestsTest.map(item, "remoteRef").get("property")))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
