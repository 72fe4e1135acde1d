package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medicore.infra.KubernetesManifestsTest.list;
import static org.medicore.infra.KubernetesManifestsTest.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The namespace's NetworkPolicies (kubernetes/base/network-policies.yaml) allow exactly the
 * connections the configuration implies, no more and no fewer. The expected edges are derived
 * from what the pods are told to call (service addresses in their ConfigMaps, database and Kafka
 * logins in their ExternalSecrets, AWS endpoints left empty, Pod Identities in Terraform) and
 * from what calls them (the Ingress's and the TargetGroupBinding's backends, the scrape
 * annotations); the allowed edges are what the policies let through, evaluated like the CNI
 * does (a pod is isolated by any policy selecting it; the rules of all such policies add up).
 */
class NetworkPolicyTest {

    /**
     * The documentation ranges base writes for the VPC's ranges, and what they stand for; the
     * environment component replaces them with the overlay's (checked below).
     */
    private static final Map<String, String> RANGES = Map.of(
            "192.0.2.0/24", "public-subnets",
            "198.51.100.0/24", "private-subnets",
            "203.0.113.0/24", "balancer-subnets",
            "169.254.170.23/32", "pod-identity-agent",
            "0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16]", "aws-apis");
    private static final Map<String, String> ENVIRONMENT_KEYS = Map.of(
            "192.0.2.0/24", "public_range", "198.51.100.0/24", "private_range", "203.0.113.0/24", "balancer_range");
    private static final String DNS = "kube-system/kube-dns";
    private static final String PROMETHEUS = "monitoring/prometheus";
    /** Keycloak's cache stack (jdbc-ping): JGroups on 7800 and its failure detection on 57800. */
    private static final List<Integer> KEYCLOAK_CLUSTER_PORTS = List.of(7800, 57800);
    private static final String PLATFORM = "modules/platform";
    /** What serversOf names MSK. */
    static final String KAFKA = "kafka";

    private final List<KubernetesManifestsTest.Resource> resources = KubernetesManifestsTest.loadBase();
    private final Map<String, Workload> workloads = workloads(resources);

    /** A Deployment's or Job's pods: their labels, ports by name, annotations, service account and envFrom. */
    record Workload(String name, Map<String, Object> labels, Map<String, Integer> ports, Map<String, Object> annotations,
            String serviceAccount, List<Map<String, Object>> envFrom) {
    }

    @Test
    void everyPodIsIsolatedBothWaysByTheNamespacesDefaultDeny() {
        List<KubernetesManifestsTest.Resource> defaultDeny = ofKind("NetworkPolicy").stream()
                .filter(p -> map(p.body(), "spec", "podSelector").isEmpty() && !map(p.body(), "spec").containsKey("ingress")
                        && !map(p.body(), "spec").containsKey("egress"))
                .toList();
        assertThat(defaultDeny).singleElement().satisfies(policy -> assertThat(map(policy.body(), "spec").get("policyTypes"))
                .isEqualTo(List.of("Ingress", "Egress")));
        assertThat(workloads.keySet()).contains("web-portal", "bff-graphql", "keycloak", "postgres-init", "patient-service");
    }

    @Test
    void thePoliciesAllowExactlyTheConnectionsTheConfigurationImplies() {
        Set<String> expectedIngress = new TreeSet<>();
        Set<String> expectedEgress = new TreeSet<>();
        derive(expectedIngress, expectedEgress);

        Set<String> allowedIngress = new TreeSet<>();
        Set<String> allowedEgress = new TreeSet<>();
        for (Workload workload : workloads.values()) {
            for (KubernetesManifestsTest.Resource policy : ofKind("NetworkPolicy")) {
                if (!selects(map(policy.body(), "spec", "podSelector"), workload.labels())) {
                    continue;
                }
                for (Map<String, Object> rule : list(map(policy.body(), "spec"), "ingress")) {
                    for (String peer : peers(list(rule, "from"), policy.name())) {
                        for (String port : ports(rule, workload, policy.name())) {
                            allowedIngress.add(edge(peer, workload.name(), port));
                        }
                    }
                }
                for (Map<String, Object> rule : list(map(policy.body(), "spec"), "egress")) {
                    for (String peer : peers(list(rule, "to"), policy.name())) {
                        for (String port : ports(rule, workloads.get(peer), policy.name())) {
                            allowedEgress.add(edge(workload.name(), peer, port));
                        }
                    }
                }
            }
        }
        assertThat(allowedIngress).as("ingress the policies allow, against what the configuration implies").containsExactlyInAnyOrderElementsOf(expectedIngress);
        assertThat(allowedEgress).as("egress the policies allow, against what the configuration implies").containsExactlyInAnyOrderElementsOf(expectedEgress);
    }

    /** The edges the configuration implies, "from -> to:port/protocol"; a pod-to-pod edge on both sides. */
    private void derive(Set<String> ingress, Set<String> egress) {
        Map<String, String> podIdentities = podIdentityServiceAccounts();
        int databasePort = securityGroupPort("modules/rds");
        int kafkaPort = securityGroupPort("modules/msk");
        Pattern address = Pattern.compile("(?:^|//)([a-z0-9-]+)(?:\\.medicore\\.svc\\.cluster\\.local)?:(\\d+)(?:/|$)");
        for (Workload workload : workloads.values()) {
            egress.add(edge(workload.name(), DNS, "53/UDP"));
            egress.add(edge(workload.name(), DNS, "53/TCP"));
            for (Map.Entry<String, Object> setting : configOf(workload).entrySet()) {
                String value = String.valueOf(setting.getValue());
                Matcher target = address.matcher(value);
                if (target.find() && service(target.group(1)) != null) {
                    Workload callee = backend(target.group(1));
                    String port = targetPort(target.group(1), Integer.parseInt(target.group(2)), callee) + "/TCP";
                    egress.add(edge(workload.name(), callee.name(), port));
                    ingress.add(edge(workload.name(), callee.name(), port));
                }
                // An empty DynamoDB or S3 endpoint means AWS itself, over HTTPS.
                if (setting.getKey().matches(".*_(DYNAMODB|S3)_ENDPOINT") && value.isEmpty()) {
                    egress.add(edge(workload.name(), "aws-apis", "443/TCP"));
                }
            }
            // An SMTP relay of AWS (SES's SMTP interface): AWS's public addresses on the mail port.
            Object mailHost = configOf(workload).get("SPRING_MAIL_HOST");
            if (mailHost != null) {
                assertThat(String.valueOf(mailHost)).as("%s sends mail to AWS only", workload.name()).endsWith(".amazonaws.com");
                egress.add(edge(workload.name(), "aws-apis", configOf(workload).get("SPRING_MAIL_PORT") + "/TCP"));
            }
            // A database in the private subnets, or MSK.
            for (String server : serversOf(workload, resources)) {
                egress.add(edge(workload.name(), "private-subnets", (server.equals(KAFKA) ? kafkaPort : databasePort) + "/TCP"));
            }
            if (podIdentities.containsKey(workload.serviceAccount())) {
                egress.add(edge(workload.name(), "pod-identity-agent", "80/TCP"));
            }
            if ("true".equals(workload.annotations().get("prometheus.io/scrape"))) {
                ingress.add(edge(PROMETHEUS, workload.name(), workload.annotations().get("prometheus.io/port") + "/TCP"));
            }
        }
        // The public load balancer: the Ingress's backends and the health check port a Service names.
        for (KubernetesManifestsTest.Resource publicEntry : ofKind("Ingress")) {
            for (Map<String, Object> rule : list(map(publicEntry.body(), "spec"), "rules")) {
                for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                    Map<String, Object> backend = map(path, "backend", "service");
                    String service = (String) backend.get("name");
                    Workload target = backend(service);
                    ingress.add(edge("public-subnets", target.name(), targetPort(service, map(backend, "port").get("name"), target) + "/TCP"));
                    Object healthCheck = map(service(service).body(), "metadata", "annotations").get("alb.ingress.kubernetes.io/healthcheck-port");
                    if (healthCheck != null) {
                        ingress.add(edge("public-subnets", target.name(), healthCheck + "/TCP"));
                    }
                }
            }
        }
        // The internal balancer (modules/grpc_endpoint in the balancers' subnets): the bound port and its health check.
        Map<String, Object> endpoint = Hcl.blocks(PLATFORM, "module").get("patient_grpc_endpoint");
        assertThat(endpoint).containsEntry("subnet_ids", "${module.network.balancer_subnet_ids}");
        for (KubernetesManifestsTest.Resource binding : ofKind("TargetGroupBinding")) {
            Map<String, Object> serviceRef = map(binding.body(), "spec", "serviceRef");
            Workload target = backend((String) serviceRef.get("name"));
            ingress.add(edge("balancer-subnets", target.name(), targetPort((String) serviceRef.get("name"), serviceRef.get("port"), target) + "/TCP"));
            ingress.add(edge("balancer-subnets", target.name(), platformLocal(endpoint.get("health_check_port")) + "/TCP"));
        }
        for (int port : KEYCLOAK_CLUSTER_PORTS) {
            ingress.add(edge("keycloak", "keycloak", port + "/TCP"));
            egress.add(edge("keycloak", "keycloak", port + "/TCP"));
        }
    }

    @Test
    void eachOverlayGivesTheRangesTerraformCarvesOutOfItsVpc() {
        Map<String, Object> network = Hcl.folder("modules/network").stream().flatMap(file -> list(file, "locals").stream())
                .reduce(new LinkedHashMap<>(), (all, locals) -> {
                    all.putAll(locals);
                    return all;
                });
        Pattern cidrsubnet = Pattern.compile("\\$\\{cidrsubnet\\(var\\.cidr_block, (\\d+), (\\d+)\\)}");
        for (String env : List.of("dev", "prod")) {
            String vpc = (String) Hcl.blocks("envs/" + env, "module").get("platform").get("vpc_cidr");
            String overlay = Repository.read(Repository.KUBERNETES.resolve("overlays/" + env + "/kustomization.yaml"));
            for (String key : ENVIRONMENT_KEYS.values()) {
                Matcher expression = cidrsubnet.matcher(String.valueOf(network.get(key)));
                assertThat(expression.matches()).as("modules/network's local %s is cidrsubnet(var.cidr_block, n, i): %s", key, network.get(key)).isTrue();
                String range = cidrsubnet(vpc, Integer.parseInt(expression.group(1)), Integer.parseInt(expression.group(2)));
                assertThat(overlay).as("%s: %s of %s", env, key, vpc).contains("- " + key + "=" + range + "\n");
            }
        }
        String outputs = Hcl.text(PLATFORM);
        ENVIRONMENT_KEYS.values().forEach(key -> assertThat(outputs).contains(key + "=${module.network." + key + "}"));
        // The public half holds every public subnet and the private half every private one.
        assertThat(network).containsEntry("public_cidrs", "${[for i in range(var.az_count) : cidrsubnet(var.cidr_block, 4, i)]}")
                .containsEntry("private_cidrs", "${[for i in range(var.az_count) : cidrsubnet(var.cidr_block, 4, i + 8)]}")
                .containsEntry("balancer_cidrs", "${[for i in range(var.az_count) : cidrsubnet(local.balancer_range, 3, i)]}");
    }

    @Test
    void theClustersNetworkPluginEnforcesThePolicies() {
        Map<String, Object> addons = Hcl.typedBlocks("modules/eks", "resource").get("aws_eks_addon").get("this");
        assertThat(String.valueOf(addons.get("configuration_values")))
                .isEqualTo("${each.value == \"vpc-cni\" ? jsonencode(local.vpc_cni_configuration) : null}");
        assertThat(map(Hcl.locals("modules/eks"), "vpc_cni_configuration")).containsEntry("enableNetworkPolicy", "true");
    }

    @Test
    void overlaysReplaceEveryDocumentationRange() {
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: the ranges in rendered overlays are not checked");
        for (String overlay : List.of("dev", "prod")) {
            String rendered = Repository.renderOverlay(overlay);
            ENVIRONMENT_KEYS.keySet().forEach(range -> assertThat(rendered).as(overlay).doesNotContain(range));
        }
    }

    private String edge(String from, String to, String port) {
        return from + " -> " + to + ":" + port;
    }

    /** The peers of a rule as names: a workload, namespace/pod of another namespace, or a named range. */
    private List<String> peers(List<Map<String, Object>> peers, String policy) {
        if (peers.isEmpty()) {
            return List.of("anywhere");
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> peer : peers) {
            Map<String, Object> pods = map(peer, "podSelector");
            if (peer.containsKey("ipBlock")) {
                Map<String, Object> block = map(peer, "ipBlock");
                String text = block.get("cidr") + (block.containsKey("except") ? " except " + block.get("except") : "");
                names.add(RANGES.getOrDefault(text, text));
            } else if (peer.containsKey("namespaceSelector")) {
                names.add(map(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name") + "/"
                        + String.join(",", pods.isEmpty() ? List.of("*") : map(pods, "matchLabels").values().stream().map(String::valueOf).toList()));
            } else {
                List<String> selected = workloads.values().stream().filter(w -> selects(pods, w.labels())).map(Workload::name).toList();
                assertThat(selected).as("%s: a peer that selects no pod", policy).isNotEmpty();
                names.addAll(selected);
            }
        }
        return names;
    }

    /** The ports of a rule, numbers with protocol; a named port is resolved on the pod that has it. */
    private List<String> ports(Map<String, Object> rule, Workload owner, String policy) {
        if (!rule.containsKey("ports")) {
            return List.of("any");
        }
        List<String> ports = new ArrayList<>();
        for (Map<String, Object> port : list(rule, "ports")) {
            Object number = port.get("port");
            if (number instanceof String name) {
                assertThat(owner).as("%s: named port %s needs a pod to resolve it", policy, name).isNotNull();
                number = owner.ports().get(name);
            }
            assertThat(port).as("%s: no port ranges", policy).doesNotContainKey("endPort");
            ports.add((number == null ? "any" : number) + "/" + port.getOrDefault("protocol", "TCP"));
        }
        return ports;
    }

    /** A label selector's matchLabels and In expressions against a pod's labels. */
    @SuppressWarnings("unchecked")
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> label : map(selector, "matchLabels").entrySet()) {
            if (!Objects.equals(labels.get(label.getKey()), label.getValue())) {
                return false;
            }
        }
        for (Map<String, Object> expression : list(selector, "matchExpressions")) {
            assertThat(expression).containsEntry("operator", "In");
            if (!((List<Object>) expression.get("values")).contains(labels.get(expression.get("key")))) {
                return false;
            }
        }
        return true;
    }

    private KubernetesManifestsTest.Resource service(String name) {
        return ofKind("Service").stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The one workload a Service sends to. */
    private Workload backend(String service) {
        Map<String, Object> selector = map(service(service).body(), "spec", "selector");
        List<Workload> selected = workloads.values().stream().filter(w -> selects(Map.of("matchLabels", selector), w.labels())).toList();
        assertThat(selected).as("pods of Service %s", service).hasSize(1);
        return selected.get(0);
    }

    /** The container port a Service's port (number or name) reaches. */
    private int targetPort(String service, Object port, Workload pods) {
        Map<String, Object> servicePort = list(map(service(service).body(), "spec"), "ports").stream()
                .filter(p -> port.equals(p.get("port")) || port.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + service + " has no port " + port));
        Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
        return target instanceof Integer number ? number : pods.ports().get((String) target);
    }

    private Map<String, Object> configOf(Workload workload) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map<String, Object> source : workload.envFrom()) {
            String name = (String) map(source, "configMapRef").get("name");
            if (name != null) {
                settings.putAll(ofKind("ConfigMap").stream().filter(c -> c.name().equals(name)).findFirst()
                        .map(c -> map(c.body(), "data")).orElseThrow(() -> new AssertionError("no ConfigMap " + name)));
            }
        }
        return settings;
    }

    /**
     * What a workload's ExternalSecrets connect it to outside the cluster: the secret (its
     * Secrets Manager name) of each database login it gets a JDBC URL or libpq's PGHOST from, and
     * KAFKA for bootstrap brokers.
     */
    static Set<String> serversOf(Workload workload, List<KubernetesManifestsTest.Resource> resources) {
        Set<String> servers = new TreeSet<>();
        for (Map<String, Object> source : workload.envFrom()) {
            String name = (String) map(source, "secretRef").get("name");
            List<Map<String, Object>> entries = resources.stream().filter(es -> "ExternalSecret".equals(es.kind()))
                    .filter(es -> name != null && name.equals(map(es.body(), "spec", "target").get("name")))
                    .flatMap(es -> list(map(es.body(), "spec"), "data").stream()).toList();
            for (Map<String, Object> entry : entries) {
                Map<String, Object> secret = map(entry, "remoteRef");
                if ("jdbc_url".equals(secret.get("property")) || "PGHOST".equals(entry.get("secretKey"))) {
                    servers.add(String.valueOf(secret.get("key")));
                } else if ("kafka_bootstrap_brokers".equals(secret.get("property"))) {
                    servers.add(KAFKA);
                }
            }
        }
        return servers;
    }

    /** Service accounts in the namespace with an EKS Pod Identity (modules/platform's pod_identities). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> podIdentityServiceAccounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        Object identities = Hcl.blocks(PLATFORM, "module").get("eks").get("pod_identities");
        ((Map<String, Map<String, Object>>) identities).forEach((key, identity) -> {
            if ("${local.namespace}".equals(identity.get("namespace"))) {
                accounts.put((String) identity.get("service_account"), key);
            }
        });
        assertThat(platformLocal("${local.namespace}")).isEqualTo("medicore");
        return accounts;
    }

    /** The port every client rule of a module's security group opens. */
    private static int securityGroupPort(String module) {
        Set<Object> ports = new TreeSet<>();
        Hcl.typedBlocks(module, "resource").getOrDefault("aws_vpc_security_group_ingress_rule", Map.of())
                .values().forEach(rule -> ports.add(rule.get("from_port")));
        assertThat(ports).as(module).hasSize(1);
        return ((Number) ports.iterator().next()).intValue();
    }

    /** The value of a "${local.x}" reference in modules/platform. */
    private static Object platformLocal(Object reference) {
        String name = String.valueOf(reference).replaceAll("^\\$\\{local\\.(.+)}$", "$1");
        return Hcl.folder(PLATFORM).stream().flatMap(file -> list(file, "locals").stream())
                .filter(locals -> locals.containsKey(name)).map(locals -> locals.get(name)).findFirst()
                .orElseThrow(() -> new AssertionError("modules/platform has no local " + name));
    }

    /** Terraform's cidrsubnet for IPv4. */
    static String cidrsubnet(String prefix, int newBits, int number) {
        String[] parts = prefix.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        int length = Integer.parseInt(parts[1]) + newBits;
        long subnet = address | ((long) number << (32 - length));
        return (subnet >> 24 & 255) + "." + (subnet >> 16 & 255) + "." + (subnet >> 8 & 255) + "." + (subnet & 255) + "/" + length;
    }

    private List<KubernetesManifestsTest.Resource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    /** The Deployments' and Jobs' pods of a set of resources, by name. */
    static Map<String, Workload> workloads(List<KubernetesManifestsTest.Resource> resources) {
        Map<String, Workload> byName = new java.util.TreeMap<>();
        for (KubernetesManifestsTest.Resource resource : resources) {
            if (!List.of("Deployment", "Job").contains(resource.kind())) {
                continue;
            }
            Map<String, Object> template = map(resource.body(), "spec", "template");
            Map<String, Integer> ports = new LinkedHashMap<>();
            List<Map<String, Object>> envFrom = new ArrayList<>();
            for (Map<String, Object> container : list(map(template, "spec"), "containers")) {
                list(container, "ports").forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));
                envFrom.addAll(list(container, "envFrom"));
            }
            String account = (String) map(template, "spec").getOrDefault("serviceAccountName", "default");
            byName.put(resource.name(), new Workload(resource.name(), map(template, "metadata", "labels"), ports,
                    map(template, "metadata", "annotations"), account, envFrom));
        }
        return byName;
    }
}
