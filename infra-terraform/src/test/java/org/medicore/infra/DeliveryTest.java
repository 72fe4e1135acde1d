package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.infra.KubernetesManifestsTest.list;
import static org.medicore.infra.KubernetesManifestsTest.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * GitOps and progressive delivery, checked against the fields Argo CD's and Argo Rollouts'
 * documentation names (no cluster, no CRD schema here): the app of apps per environment reaches
 * the overlay, the sync waves put the databases and Keycloak before the services, the services
 * and the BFF roll out as canaries whose analyses ask for series the service publishes, the
 * portal as blue-green.
 */
class DeliveryTest {

    private static final Path ARGOCD = Repository.KUBERNETES.resolve("argocd");
    private static final Path WAVES = Repository.KUBERNETES.resolve("components/argocd-sync-waves/kustomization.yaml");
    private static final List<String> ENVIRONMENTS = List.of("dev", "prod");
    /** A timer's series with its matchers (which hold {{args.x}}); grpc_server_seconds is Micrometer's grpc.server. */
    private static final Pattern HISTOGRAM = Pattern.compile("([a-z_]+)_seconds_(bucket|count)\\{((?:[^{}]|\\{\\{[^}]*}})*)}");

    private final List<KubernetesManifestsTest.Resource> resources = KubernetesManifestsTest.loadBase();
    private final ComposeFile compose = ComposeFile.load();

    @Test
    @SuppressWarnings("unchecked")
    void eachEnvironmentsRootApplicationDeploysItsOverlayWithinTheProject() {
        Map<String, Object> project = Repository.yamlMap(ARGOCD.resolve("project/project.yaml"));
        List<Object> repositories = (List<Object>) map(project, "spec").get("sourceRepos");
        assertThat(list(map(project, "spec"), "destinations")).singleElement().satisfies(d -> assertThat(d).containsEntry("namespace", "medicore"));
        Set<String> clusterKinds = new TreeSet<>();
        list(map(project, "spec"), "clusterResourceWhitelist").forEach(k -> clusterKinds.add((String) k.get("kind")));
        // Cluster-scoped kinds of base and cluster/: the project admits exactly those.
        Set<String> used = new TreeSet<>();
        resources.stream().map(KubernetesManifestsTest.Resource::kind).filter(kind -> kind.equals("Namespace")).forEach(used::add);
        Repository.yamlDocuments(Repository.KUBERNETES.resolve("cluster/cluster-secret-store.yaml")).forEach(d -> used.add((String) d.get("kind")));
        assertThat(clusterKinds).isEqualTo(used);

        for (String env : ENVIRONMENTS) {
            Map<String, Object> root = Repository.yamlMap(ARGOCD.resolve(env + "/root.yaml"));
            assertThat(map(root, "spec", "source")).containsEntry("path", "infra-terraform/kubernetes/argocd/" + env + "/apps");
            List<Map<String, Object>> children = new ArrayList<>();
            for (Object resource : (List<?>) Repository.yamlMap(ARGOCD.resolve(env + "/apps/kustomization.yaml")).get("resources")) {
                Path file = ARGOCD.resolve(env + "/apps").resolve(String.valueOf(resource)).normalize();
                if (file.toString().endsWith(".yaml")) {
                    children.addAll(Repository.yamlDocuments(file));
                }
            }
            List<Map<String, Object>> applications = new ArrayList<>(children);
            applications.add(root);
            for (Map<String, Object> application : applications) {
                Map<String, Object> source = map(application, "spec", "source");
                assertThat(repositories).as("project's repositories").contains(source.get("repoURL"));
                assertThat(Repository.ROOT.resolve((String) source.get("path"))).as("path of %s", map(application, "metadata").get("name")).isDirectory();
            }
            assertThat(children).as(env).singleElement().satisfies(platform -> {
                assertThat(map(platform, "spec")).containsEntry("project", "medicore");
                assertThat(map(platform, "spec", "source")).containsEntry("path", "infra-terraform/kubernetes/overlays/" + env);
                assertThat(map(platform, "spec", "destination")).containsEntry("namespace", "medicore");
                assertThat(map(platform, "spec", "syncPolicy", "automated")).containsEntry("selfHeal", true);
            });
            assertThat(Repository.read(Repository.KUBERNETES.resolve("overlays/" + env + "/kustomization.yaml")))
                    .contains("  - ../../components/argocd-sync-waves\n");
        }
    }

    @Test
    void syncWavesPutTheDatabasesAndKeycloakBeforeTheServicesAndTheBffBeforeThePortal() {
        Map<String, Integer> waves = new LinkedHashMap<>();
        Map<String, Object> hook = Map.of();
        for (Map<String, Object> patch : list(Repository.yamlMap(WAVES), "patches")) {
            Map<String, Object> target = map(patch, "target");
            Map<String, Object> body = Repository.yaml().load((String) patch.get("patch"));
            Map<String, Object> annotations = map(body, "metadata", "annotations");
            waves.put(target.get("kind") + "/" + target.getOrDefault("name", "*"), Integer.parseInt((String) annotations.get("argocd.argoproj.io/sync-wave")));
            if ("Job".equals(target.get("kind"))) {
                hook = annotations;
            }
        }
        assertThat(hook).as("postgres-init runs at every sync").containsEntry("argocd.argoproj.io/hook", "Sync")
                .containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
        int databases = wave(waves, "Job", "postgres-init");
        int keycloak = wave(waves, "Deployment", "keycloak");
        int bff = wave(waves, "Rollout", "bff-graphql");
        int portal = wave(waves, "Rollout", "web-portal");
        for (KubernetesManifestsTest.Resource resource : resources) {
            if (List.of("ExternalSecret", "ConfigMap", "NetworkPolicy", "SecurityGroupPolicy", "ServiceAccount").contains(resource.kind())) {
                assertThat(wave(waves, resource.kind(), resource.name())).as("%s %s before the pods", resource.kind(), resource.name())
                        .isLessThan(Math.min(databases, keycloak));
            }
        }
        for (String service : List.of("patient-service", "appointment-service", "billing-service", "lab-processor", "analytics-service",
                "notification-service", "fhir-api")) {
            assertThat(wave(waves, "Rollout", service)).as(service).isGreaterThan(databases).isGreaterThan(keycloak).isLessThan(bff);
        }
        assertThat(portal).isGreaterThan(bff).isEqualTo(wave(waves, "Ingress", "medicore-public"));
        assertThat(wave(waves, "Deployment", "bff-graphql")).isEqualTo(bff);
        assertThat(wave(waves, "Deployment", "web-portal")).isEqualTo(portal);
    }

    private static int wave(Map<String, Integer> waves, String kind, String name) {
        return waves.getOrDefault(kind + "/" + name, waves.getOrDefault(kind + "/*", 0));
    }

    @Test
    void theServicesAndTheBffRollOutAsCanariesAnalysedOnTheirOwnMetrics() {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        ofKind("AnalysisTemplate").forEach(t -> templates.put(t.name(), t.body()));
        List<String> canaries = new ArrayList<>();
        for (KubernetesManifestsTest.Resource rollout : ofKind("Rollout")) {
            Map<String, Object> spec = map(rollout.body(), "spec");
            KubernetesManifestsTest.Resource deployment = rolledOutDeployment(rollout);
            Map<String, Object> canary = map(spec, "strategy", "canary");
            if (canary.isEmpty()) {
                continue;
            }
            canaries.add(rollout.name());
            List<Object> weights = list(canary, "steps").stream().filter(s -> s.containsKey("setWeight")).map(s -> s.get("setWeight")).toList();
            assertThat(weights).as(rollout.name()).containsExactly(10, 50, 100);
            assertThat(list(canary, "steps")).as("%s: a pause to analyse after each partial step", rollout.name()).filteredOn(s -> s.containsKey("pause")).hasSize(2);

            Map<String, Object> analysis = map(canary, "analysis");
            Map<String, Object> given = new LinkedHashMap<>();
            list(analysis, "args").forEach(arg -> given.put((String) arg.get("name"), arg.containsKey("valueFrom") ? map(arg, "valueFrom") : arg.get("value")));
            assertThat(given).as(rollout.name()).containsEntry("application", rollout.name())
                    .containsEntry("canary-hash", Map.of("podTemplateHashValue", "Latest"));
            String module = compose.springServices().get(rollout.name());
            SpringConfig spring = SpringConfig.of(module);
            assertThat(spring.properties()).as("the series' application tag").containsEntry("spring.application.name", rollout.name());
            for (Map<String, Object> reference : list(analysis, "templates")) {
                Map<String, Object> template = templates.get((String) reference.get("templateName"));
                assertThat(template).as("%s's AnalysisTemplate %s", rollout.name(), reference.get("templateName")).isNotNull();
                for (Map<String, Object> arg : list(map(template, "spec"), "args")) {
                    assertThat(arg.containsKey("value") || given.containsKey(arg.get("name"))).as("%s gives %s", rollout.name(), arg.get("name")).isTrue();
                }
                checkQueries(template, rollout.name(), spring);
            }
            assertThat(map(deployment.body(), "spec")).as("%s: the Rollout runs the pods", deployment.name()).containsEntry("replicas", 0);
        }
        Set<String> expected = new TreeSet<>(compose.springServices().keySet());
        assertThat(canaries).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every query of a template: a published histogram the service enables, the canary's own pods, an error ratio and a p99. */
    private void checkQueries(Map<String, Object> template, String service, SpringConfig spring) {
        Set<String> metrics = new TreeSet<>();
        for (Map<String, Object> metric : list(map(template, "spec"), "metrics")) {
            metrics.add((String) metric.get("name"));
            String query = (String) map(metric, "provider", "prometheus").get("query");
            assertThat((String) metric.get("successCondition")).as("%s/%s", service, metric.get("name")).contains("result[0] <");
            Matcher series = HISTOGRAM.matcher(query);
            assertThat(series.find()).as(query).isTrue();
            do {
                assertThat(ObservabilityTest.PUBLISHED.matcher(series.group(1) + "_seconds_" + series.group(2)).matches()).as(query).isTrue();
                assertThat(series.group(3)).contains("application=\"{{args.application}}\"", "rollouts_pod_template_hash=\"{{args.canary-hash}}\"");
                String meter = series.group(1).replace('_', '.');
                assertThat(spring.properties()).as("%s publishes the histogram of %s", service, meter)
                        .containsEntry("management.metrics.distribution.percentiles-histogram.[" + meter + "]", "true");
            } while (series.find());
        }
        assertThat(metrics).containsExactlyInAnyOrder("error-ratio", "p99-latency");
        // The canary's pods are told apart by the label Rollouts puts on them, which the scrape keeps.
        Map<String, Object> podMonitor = ofKind("PodMonitor").get(0).body();
        assertThat(list(map(podMonitor, "spec"), "podMetricsEndpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
            assertThat(list(endpoint, "relabelings")).anySatisfy(relabel -> assertThat(relabel)
                    .containsEntry("sourceLabels", List.of("__meta_kubernetes_pod_label_rollouts_pod_template_hash"))
                    .containsEntry("targetLabel", "rollouts_pod_template_hash"));
        });
    }

    @Test
    void thePortalGoesBlueGreenBetweenItsActiveAndPreviewServices() {
        KubernetesManifestsTest.Resource portal = ofKind("Rollout").stream().filter(r -> r.name().equals("web-portal")).findFirst().orElseThrow();
        Map<String, Object> blueGreen = map(portal.body(), "spec", "strategy", "blueGreen");
        KubernetesManifestsTest.Resource deployment = rolledOutDeployment(portal);
        for (String service : List.of((String) blueGreen.get("activeService"), (String) blueGreen.get("previewService"))) {
            KubernetesManifestsTest.Resource svc = ofKind("Service").stream().filter(s -> s.name().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Service " + service));
            assertThat(map(svc.body(), "spec", "selector")).isEqualTo(map(deployment.body(), "spec", "selector", "matchLabels"));
        }
        assertThat(blueGreen.get("activeService")).isEqualTo("web-portal");
    }

    /** The Deployment a Rollout takes its pod template from, with the same selector. */
    private KubernetesManifestsTest.Resource rolledOutDeployment(KubernetesManifestsTest.Resource rollout) {
        Map<String, Object> reference = map(rollout.body(), "spec", "workloadRef");
        assertThat(reference).as(rollout.name()).containsEntry("apiVersion", "apps/v1").containsEntry("kind", "Deployment")
                .containsEntry("scaleDown", "progressively");
        KubernetesManifestsTest.Resource deployment = ofKind("Deployment").stream().filter(d -> d.name().equals(reference.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(rollout.name() + " refers to no Deployment " + reference.get("name")));
        assertThat(map(rollout.body(), "spec", "selector")).isEqualTo(map(deployment.body(), "spec", "selector"));
        return deployment;
    }

    private List<KubernetesManifestsTest.Resource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }
}
