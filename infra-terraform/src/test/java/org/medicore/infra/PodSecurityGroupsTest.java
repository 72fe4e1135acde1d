package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medicore.infra.KubernetesManifestsTest.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Security groups for pods: RDS (the services' instance and Keycloak's), MSK and patient-service's
 * internal balancer admit exactly the workloads whose configuration connects them there, each by
 * a security group of its own, and each of those workloads' pods gets that group from a
 * SecurityGroupPolicy. Who connects where is read from the workloads' ExternalSecrets as
 * NetworkPolicyTest reads them (a JDBC URL or PGHOST of a login, bootstrap brokers), the login
 * placed on its instance by the Terraform module that creates it; the lab Lambda is Kafka's
 * client when its environment names the brokers.
 */
class PodSecurityGroupsTest {

    private static final String PLATFORM = "modules/platform";
    private static final String LAMBDA = "lab-processor-lambda";
    /** A server's clients as modules/platform passes them: its pods' groups, and maybe more entries merged in. */
    private static final Pattern CLIENTS = Pattern.compile("^\\$\\{(?:merge\\()?local\\.pod_groups\\.(\\w+)(?:, \\{(.*)}\\))?}$");
    private static final Pattern ENTRY = Pattern.compile("\"([a-z-]+)\" = ([\\w.]+)");

    private final List<KubernetesManifestsTest.Resource> resources = KubernetesManifestsTest.loadBase();
    private final Map<String, NetworkPolicyTest.Workload> workloads = NetworkPolicyTest.workloads(resources);

    @Test
    void eachServerAdmitsExactlyTheWorkloadsConfiguredToReachIt() {
        assertThat(admittedClients()).as("clients each server's security group admits, against the workloads' configuration")
                .isEqualTo(configuredClients());
        // Each server's group takes no other client: rules of the module's clients only, from groups, no ranges.
        for (String module : List.of("modules/rds", "modules/msk")) {
            Map<String, Map<String, Object>> rules = Hcl.typedBlocks(module, "resource").get("aws_vpc_security_group_ingress_rule");
            assertThat(rules).as(module).hasSize(1);
            assertThat(rules.values().iterator().next()).as(module).containsEntry("for_each", "${var.client_security_group_ids}")
                    .containsEntry("referenced_security_group_id", "${each.value}").doesNotContainKey("cidr_ipv4");
        }
        assertThat(Hcl.blocks("modules/keycloak", "module").get("database")).containsEntry("client_security_group_ids", "${var.client_security_group_ids}");
        assertThat(Hcl.locals(PLATFORM).get("pod_groups")).asString().contains("for workload in clients : workload => module.eks.pod_security_group_ids[workload]");
    }

    @Test
    void theInternalBalancerReachesOnlyThePodsOfTheServiceItsTargetGroupBinds() {
        for (KubernetesManifestsTest.Resource binding : ofKind("TargetGroupBinding")) {
            String service = (String) map(binding.body(), "spec", "serviceRef").get("name");
            Map<String, Object> selector = map(ofKind("Service").stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().body(), "spec", "selector");
            List<String> targets = workloads.values().stream()
                    .filter(w -> NetworkPolicyTest.selects(Map.of("matchLabels", selector), w.labels())).map(NetworkPolicyTest.Workload::name).toList();
            assertThat(targets).as("pods of Service %s", service).singleElement()
                    .satisfies(target -> assertThat(Hcl.blocks(PLATFORM, "module").get("patient_grpc_endpoint"))
                            .containsEntry("target_security_group_id", "${module.eks.pod_security_group_ids[\"" + target + "\"]}"))
                    .satisfies(target -> assertThat(workloadsWithGroups()).contains(target));
        }
    }

    @Test
    void everyWorkloadWithAGroupGetsItFromASecurityGroupPolicyNextToTheClusters() {
        assertThat(Hcl.blocks(PLATFORM, "module").get("eks")).containsEntry("pod_security_groups", "${toset(flatten(values(local.server_clients)))}");
        Set<String> policies = new TreeSet<>();
        for (KubernetesManifestsTest.Resource policy : ofKind("SecurityGroupPolicy")) {
            assertThat(policy.body()).containsEntry("apiVersion", "vpcresources.k8s.aws/v1beta1");
            List<String> selected = workloads.values().stream()
                    .filter(w -> NetworkPolicyTest.selects(map(policy.body(), "spec", "podSelector"), w.labels())).map(NetworkPolicyTest.Workload::name).toList();
            assertThat(selected).as("pods of SecurityGroupPolicy %s", policy.name()).containsExactly(policy.name());
            // The workload's group first, then the cluster's: DNS, the control plane and the calls between pods.
            assertThat(map(policy.body(), "spec", "securityGroups").get("groupIds"))
                    .isEqualTo(List.of("security-group-of-" + policy.name(), "cluster-security-group"));
            policies.add(policy.name());
        }
        assertThat(policies).as("workloads with a SecurityGroupPolicy, against those Terraform gives a group")
                .containsExactlyInAnyOrderElementsOf(workloadsWithGroups());
    }

    @Test
    void eachOverlayNamesTheGroupsTerraformOutputs() {
        assertThat(Hcl.blocks(PLATFORM, "output").get("pod_security_groups")).containsEntry("value",
                Map.of("cluster", "${module.eks.cluster_security_group_id}", "workloads", "${module.eks.pod_security_group_ids}"));
        assumeTrue(Repository.onPath("kubectl") != null, "kubectl is not on PATH: the overlays' security groups are not checked");
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> rendered = new ArrayList<>();
            Repository.yaml().loadAll(Repository.renderOverlay(overlay)).forEach(document -> rendered.add(asMap(document)));
            Map<String, Object> environment = rendered.stream().filter(r -> "ConfigMap".equals(r.get("kind")))
                    .filter(r -> "medicore-environment".equals(map(r, "metadata").get("name"))).findFirst().map(r -> map(r, "data")).orElseThrow();
            Set<Object> workloadGroups = new TreeSet<>();
            for (Map<String, Object> policy : rendered.stream().filter(r -> "SecurityGroupPolicy".equals(r.get("kind"))).toList()) {
                String name = (String) map(policy, "metadata").get("name");
                Object own = environment.get("security_group_" + name);
                assertThat(map(policy, "spec", "securityGroups").get("groupIds")).as("%s: %s", overlay, name)
                        .isEqualTo(List.of(own, environment.get("cluster_security_group")));
                assertThat(String.valueOf(own)).as("%s: %s", overlay, name).matches("sg-[0-9a-f]{17}");
                workloadGroups.add(own);
            }
            assertThat(workloadGroups).as("%s: one group per workload, none the cluster's", overlay)
                    .hasSize(workloadsWithGroups().size()).doesNotContain(environment.get("cluster_security_group"));
        }
    }

    @Test
    void theNetworkPluginGivesPodsTheirGroupsAndLeavesTheNodeToTheNetworkPolicies() {
        Map<String, Object> cni = map(Hcl.locals("modules/eks"), "vpc_cni_configuration");
        assertThat(map(cni, "env")).containsEntry("ENABLE_POD_ENI", "true").containsEntry("POD_SECURITY_GROUP_ENFORCING_MODE", "standard");
        assertThat(map(cni, "init", "env")).containsEntry("DISABLE_TCP_EARLY_DEMUX", "true");
        assertThat(Hcl.text("modules/eks")).contains("arn:aws:iam::aws:policy/AmazonEKSVPCResourceController");
        // Branch interfaces need trunking: Nitro instance types, none of the t family (README.md, "Applying").
        for (String env : List.of("envs/dev", "envs/prod")) {
            assertThat(names(Hcl.blocks(env, "module").get("platform").get("eks_node_instance_types"))).as(env)
                    .isNotEmpty().allSatisfy(type -> assertThat(String.valueOf(type)).doesNotStartWith("t"));
        }
    }

    /** Server (a key of modules/platform's server_clients) -> the clients its security group admits. */
    private Map<String, Set<String>> admittedClients() {
        Map<String, Set<String>> admitted = new TreeMap<>();
        Map<String, Map<String, Object>> modules = Hcl.blocks(PLATFORM, "module");
        for (String module : List.of("rds", "keycloak", "msk")) {
            String expression = String.valueOf(modules.get(module).get("client_security_group_ids"));
            Matcher clients = CLIENTS.matcher(expression);
            assertThat(clients.matches()).as("module %s admits the groups of local.pod_groups.<server>: %s", module, expression).isTrue();
            Set<String> names = new TreeSet<>(serverClients().get(clients.group(1)));
            Matcher extra = ENTRY.matcher(clients.group(2) == null ? "" : clients.group(2));
            while (extra.find()) {
                assertThat(extra.group(1)).as("the one client outside the cluster").isEqualTo(LAMBDA);
                assertThat(extra.group(2)).isEqualTo("module.lambda_lab_processor.security_group_id");
                names.add(extra.group(1));
            }
            assertThat(admitted.put(clients.group(1), names)).as("one module per server").isNull();
        }
        return admitted;
    }

    /** Server -> the workloads (and the Lambda) whose configuration connects them to it. */
    private Map<String, Set<String>> configuredClients() {
        Set<String> keycloakLogins = map(Hcl.locals("modules/keycloak"), "logins").keySet();
        Map<String, Object> secrets = Hcl.locals("modules/secrets");
        Set<String> servicesLogins = new TreeSet<>(map(secrets, "service_databases").keySet());
        servicesLogins.addAll(map(secrets, "audit_logins").keySet());
        servicesLogins.add(String.valueOf(secrets.get("provisioner_secret")));

        Map<String, Set<String>> clients = new TreeMap<>();
        for (NetworkPolicyTest.Workload workload : workloads.values()) {
            for (String server : NetworkPolicyTest.serversOf(workload, resources)) {
                String login = server.substring(server.indexOf('/') + 1);
                String instance = server.equals(NetworkPolicyTest.KAFKA) ? "kafka"
                        : keycloakLogins.contains(login) ? "keycloak_db" : servicesLogins.contains(login) ? "services_db" : null;
                assertThat(instance).as("%s: the instance of login %s", workload.name(), server).isNotNull();
                clients.computeIfAbsent(instance, i -> new TreeSet<>()).add(workload.name());
            }
        }
        Map<String, Object> lambda = asMap(Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor").get("environment"));
        if (lambda.containsValue("${module.msk.bootstrap_brokers_iam}")) {
            clients.get("kafka").add(LAMBDA);
        }
        return clients;
    }

    private Map<String, List<String>> serverClients() {
        Map<String, List<String>> clients = new TreeMap<>();
        map(Hcl.locals(PLATFORM), "server_clients").forEach((server, names) -> clients.put(server, names(names)));
        return clients;
    }

    private Set<String> workloadsWithGroups() {
        Set<String> names = new TreeSet<>();
        serverClients().values().forEach(names::addAll);
        return names;
    }

    private List<KubernetesManifestsTest.Resource> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.kind())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object value) {
        return (List<String>) value;
    }
}
