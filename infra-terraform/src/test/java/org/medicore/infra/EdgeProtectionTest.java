package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * modules/waf: AWS WAF on the public load balancer, wired to the Ingress through the overlays;
 * modules/portal_cdn: CloudFront in front of the portal's files.
 */
class EdgeProtectionTest {

    private static final String WAF = "modules/waf";
    private static final String CDN = "modules/portal_cdn";

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

    @Test
    void cloudFrontServesThePortalsFilesFromAPrivateBucketAndPassesTheRestToTheLoadBalancer() {
        Map<String, Map<String, Map<String, Object>>> resources = Hcl.typedBlocks(CDN, "resource");
        Map<String, Object> distribution = resources.get("aws_cloudfront_distribution").get("this");
        String text = distribution.toString();
        // The bucket: private, read by this distribution only, through origin access control (SigV4).
        assertThat(resources.get("aws_s3_bucket_public_access_block").get("this")).containsEntry("block_public_policy", true)
                .containsEntry("restrict_public_buckets", true);
        assertThat(resources.get("aws_cloudfront_origin_access_control").get("this")).containsEntry("origin_access_control_origin_type", "s3")
                .containsEntry("signing_behavior", "always").containsEntry("signing_protocol", "sigv4");
        assertThat(text).contains("origin_access_control_id=${aws_cloudfront_origin_access_control.this.id}",
                "domain_name=${aws_s3_bucket.this.bucket_regional_domain_name}");
        assertThat(Hcl.text(CDN)).contains("variable=AWS:SourceArn", "values=[${aws_cloudfront_distribution.this.arn}]");
        // Hashed assets a year; index.html revalidated; both with the security headers.
        Map<String, Object> caching = Hcl.folder(CDN).stream().flatMap(file -> KubernetesManifestsTest.list(file, "locals").stream())
                .map(locals -> KubernetesManifestsTest.map(locals, "file_caching")).filter(m -> !m.isEmpty()).findFirst().orElseThrow();
        assertThat(caching.get("hashed_assets").toString()).contains("min_ttl=31536000", "default_ttl=31536000");
        assertThat(caching.get("entry_page").toString()).contains("min_ttl=0", "default_ttl=0");
        assertThat(resources.get("aws_cloudfront_cache_policy").get("files")).containsEntry("for_each", "${local.file_caching}")
                .containsEntry("max_ttl", 31536000);
        assertThat(text).contains("path_pattern=/assets/*", "cache_policy_id=${aws_cloudfront_cache_policy.files[\"hashed_assets\"].id}",
                "cache_policy_id=${aws_cloudfront_cache_policy.files[\"entry_page\"].id}");
        assertThat(text.split("response_headers_policy_id=\\$\\{aws_cloudfront_response_headers_policy.security.id}", -1)).hasSize(3);
        String headers = resources.get("aws_cloudfront_response_headers_policy").get("security").toString();
        assertThat(headers).contains("access_control_max_age_sec=31536000", "include_subdomains=true", "frame_option=DENY",
                "referrer_policy=strict-origin-when-cross-origin", "content_type_options=[{override=true}]", "frame-ancestors 'none'");
        // The same Content-Security-Policy as the portal's nginx, its two origins from the platform.
        Matcher nginx = Pattern.compile("Content-Security-Policy \"([^\"]+)\"").matcher(Repository.read(Repository.ROOT.resolve("web-portal/Dockerfile")));
        assertThat(nginx.find()).isTrue();
        assertThat(headers).contains(nginx.group(1).replace("${MEDICORE_KEYCLOAK_URL}", "${var.auth_url}").replace("${MEDICORE_UPLOAD_ORIGIN}", "${var.upload_origin}"));
        // What is no file goes uncached to the load balancer, whose Ingress routes it by the viewer's Host.
        assertThat(text).contains("for_each=[/graphql, /config.json, /unsubscribe]", "target_origin_id=load-balancer",
                "cache_policy_id=${data.aws_cloudfront_cache_policy.caching_disabled.id}",
                "origin_request_policy_id=${data.aws_cloudfront_origin_request_policy.all_viewer.id}", "aliases=[${var.portal_host}]");
        assertThat(Hcl.typedBlocks(CDN, "data").get("aws_cloudfront_cache_policy").get("caching_disabled")).containsEntry("name", "Managed-CachingDisabled");
        Map<String, Object> ingress = Repository.yamlMap(Repository.KUBERNETES.resolve("base/ingress.yaml"));
        List<String> paths = new java.util.ArrayList<>();
        Map<String, Object> portalRule = KubernetesManifestsTest.list(KubernetesManifestsTest.map(ingress, "spec"), "rules").get(0);
        KubernetesManifestsTest.list(KubernetesManifestsTest.map(portalRule, "http"), "paths").forEach(path -> paths.add((String) path.get("path")));
        assertThat(paths).as("the Ingress serves what CloudFront passes on").contains("/", "/unsubscribe");
        assertThat(Hcl.blocks("modules/platform", "module").get("portal_cdn")).containsEntry("auth_url", "${var.auth_url}")
                .containsEntry("portal_host", "${var.portal_host}");
    }
}
