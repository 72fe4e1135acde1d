package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** modules/waf: AWS WAF on the public load balancer, wired to the Ingress through the overlays. */
class EdgeProtectionTest {

    private static final String WAF = "modules/waf";

    @Test
    void theWebAclRunsAwsManagedRuleGroupsForCommonAttacksBadInputsSqlInjectionAndBadAddresses() {
        Set<String> groups = new TreeSet<>();
        Hcl.folder(WAF).stream().flatMap(file -> KubernetesManifestsTest.list(file, "locals").stream())
                .map(locals -> KubernetesManifestsTest.map(locals, "managed_rule_groups"))
                .forEach(byKey -> byKey.values().forEach(group -> groups.add(String.valueOf(((Map<?, ?>) group).get("name")))));
        assertThat(groups).containsExactlyInAnyOrder("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList");
        Map<String, Object> acl = Hcl.typedBlocks(WAF, "resource").get("aws_wafv2_web_acl").get("this");
        assertThat(acl).containsEntry("scope", "REGIONAL");
        assertThat(Hcl.typedBlocks(WAF, "resource")).containsKeys("aws_wafv2_web_acl_logging_configuration", "aws_cloudwatch_log_group");
    }

    @Test
    void rateLimitsGuardTheSignInPathsAndTheRegistrationMutationThatExist() {
        String waf = Hcl.text(WAF);
        // The token endpoint the services themselves call, and Keycloak's login form.
        String tokenEndpoint = (String) KubernetesManifestsTest.map(Repository.yamlDocuments(Repository.KUBERNETES.resolve("base/lab-processor/configmap.yaml")).get(0), "data")
                .get("MEDICORE_LAB_PATIENTSERVICE_TOKENENDPOINT");
        assertThat(tokenEndpoint).endsWith("/protocol/openid-connect/token");
        assertThat(waf).contains("search_string=/protocol/openid-connect/token", "search_string=/login-actions/authenticate",
                "search_string=registerPatient", "search_string=/graphql");
        assertThat(Repository.read(Repository.ROOT.resolve("bff-graphql/src/main/resources/graphql/schema.graphqls")))
                .containsPattern("type Mutation \\{[^}]*\\n\\s+registerPatient\\(");
        assertThat(Hcl.blocks("modules/platform", "module").get("waf")).containsKeys("sign_in_limit", "registration_limit");
    }

    @Test
    void theIngressNamesEachEnvironmentsWebAcl() {
        Map<String, Object> ingress = Repository.yamlMap(Repository.KUBERNETES.resolve("base/ingress.yaml"));
        assertThat(KubernetesManifestsTest.map(ingress, "metadata", "annotations")).containsKey("alb.ingress.kubernetes.io/wafv2-acl-arn");
        assertThat(Hcl.blocks("modules/platform", "module").get("waf")).containsEntry("name", "${local.name}-public");
        for (String env : List.of("dev", "prod")) {
            assertThat(Repository.read(Repository.KUBERNETES.resolve("overlays/" + env + "/kustomization.yaml")))
                    .containsPattern("- waf_acl_arn=arn:aws:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/medicore-" + env + "-public/[0-9a-f-]{36}\\n");
        }
        assertThat(Repository.read(Repository.KUBERNETES.resolve("components/environment/kustomization.yaml")))
                .contains("fieldPath: data.waf_acl_arn", "alb\\.ingress\\.kubernetes\\.io/wafv2-acl-arn");
    }
}
