package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what in AWS (45 CFR 164.312(b)): modules/audit_logging as the platform calls it, and the
 * log groups, balancers and buckets of every module wired into it.
 */
class AwsAuditTest {

    private static final String AUDIT = "modules/audit_logging";
    private static final String PLATFORM = "modules/platform";
    private static final String LOGS_KEY = "${module.audit_logging.log_kms_key_arn}";

    @Test
    void theTrailCoversEveryRegionIsValidatedEncryptedAndReadyForTheOrganisation() {
        Map<String, Object> trail = resource(AUDIT, "aws_cloudtrail", "this");
        assertThat(trail).containsEntry("is_multi_region_trail", true).containsEntry("include_global_service_events", true)
                .containsEntry("enable_log_file_validation", true).containsEntry("kms_key_id", "${aws_kms_key.logs.arn}")
                .containsEntry("is_organization_trail", "${var.organization_id != \"\"}");
        assertThat(Hcl.text(AUDIT)).contains("trail_owners=${compact([local.account, var.organization_id])}",
                "CloudTrailWritesItsLogs", "resources=${[for prefix in local.trail_prefixes : \"${aws_s3_bucket.audit.arn}/${prefix}*\"]}");
        assertThat(Hcl.blocks(PLATFORM, "module").get("audit_logging")).containsEntry("organization_id", "${var.organization_id}");
    }

    @Test
    void theTrailRecordsEveryReadAndWriteOfThePhiBucketsAndOfEveryPhiTable() {
        String selectors = String.valueOf(resource(AUDIT, "aws_cloudtrail", "this").get("advanced_event_selector"));
        assertThat(selectors).contains("{equals=[Management], field=eventCategory}",
                "{equals=[AWS::S3::Object], field=resources.type}, {field=resources.ARN, starts_with=${[for arn in var.phi_bucket_arns : \"${arn}/\"]}}",
                "{equals=[AWS::DynamoDB::Table], field=resources.type}, {equals=${var.phi_table_arns}, field=resources.ARN}");
        // Every table and bucket module the platform calls is in the trail's data events.
        Map<String, Map<String, Object>> calls = Hcl.blocks(PLATFORM, "module");
        Set<String> tables = new TreeSet<>();
        List<String> buckets = new ArrayList<>();
        calls.forEach((name, call) -> {
            switch (String.valueOf(call.get("source"))) {
                case "../dynamodb" -> tables.add("${module." + name + ".table_arn}");
                case "../s3_lab_reports", "../s3_fhir_exports" -> buckets.add("${module." + name + ".bucket_arn}");
                default -> { }
            }
        });
        Map<String, Object> audit = calls.get("audit_logging");
        assertThat(audit).containsEntry("source", "../audit_logging").containsEntry("vpc_id", "${module.network.vpc_id}");
        assertThat(new TreeSet<>(strings(audit.get("phi_table_arns")))).isEqualTo(tables).hasSize(2);
        assertThat(strings(audit.get("phi_bucket_arns"))).containsExactlyInAnyOrderElementsOf(buckets).hasSize(2);
    }

    @Test
    void flowLogsAccessLogsAndTheTrailLandInPrivateVersionedEncryptedBucketsWithALifecycle() {
        assertThat(resource(AUDIT, "aws_flow_log", "vpc")).containsEntry("vpc_id", "${var.vpc_id}").containsEntry("traffic_type", "ALL")
                .containsEntry("log_destination", "${aws_s3_bucket.audit.arn}/flow-logs/");
        assertThat(resource(AUDIT, "aws_s3_bucket_server_side_encryption_configuration", "audit").toString())
                .contains("sse_algorithm=aws:kms", "kms_master_key_id=${aws_kms_key.logs.arn}");
        // Load balancer and S3 server access logs accept only SSE-S3.
        assertThat(resource(AUDIT, "aws_s3_bucket_server_side_encryption_configuration", "access").toString()).contains("sse_algorithm=AES256");
        for (String perBucket : List.of("aws_s3_bucket_ownership_controls", "aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning",
                "aws_s3_bucket_lifecycle_configuration")) {
            assertThat(resource(AUDIT, perBucket, "logs")).as(perBucket).containsEntry("for_each", "${local.log_bucket_ids}");
        }
        assertThat(Hcl.text(AUDIT)).contains("block_public_acls=true", "block_public_policy=true", "ignore_public_acls=true",
                "restrict_public_buckets=true", "status=Enabled", "expiration=[{days=${var.archive_days}}]", "storage_class=GLACIER",
                "log_bucket_ids={access=${aws_s3_bucket.access.id}, audit=${aws_s3_bucket.audit.id}}");
        for (String policy : List.of("audit_bucket", "access_bucket")) {
            assertThat(Hcl.typedBlocks(AUDIT, "data").get("aws_iam_policy_document").get(policy).toString()).as(policy)
                    .contains("sid=DenyPlainHttp", "variable=aws:SecureTransport");
        }
        assertThat(Hcl.blocks(PLATFORM, "module").get("audit_logging")).containsEntry("archive_days", "${local.prod ? 2192 : 90}");
    }

    @Test
    void everyBalancerAndBucketOfThePlatformWritesAccessLogs() {
        List<String> problems = new ArrayList<>();
        for (String folder : Hcl.folders()) {
            Map<String, Map<String, Map<String, Object>>> resources = Hcl.typedBlocks(folder, "resource");
            resources.getOrDefault("aws_lb", Map.of()).forEach((name, lb) -> {
                if (!String.valueOf(lb.get("access_logs")).contains("enabled=true")) {
                    problems.add(folder + " aws_lb." + name + " writes no access logs");
                }
            });
            Set<String> logged = new TreeSet<>();
            resources.getOrDefault("aws_s3_bucket_logging", Map.of()).values().forEach(logging -> logged.add(String.valueOf(logging.get("bucket"))));
            resources.getOrDefault("aws_s3_bucket", Map.of()).keySet().forEach(name -> {
                // The access logs bucket itself: logging it into itself would log forever.
                if (!(folder.equals(AUDIT) && name.equals("access")) && !logged.contains("${aws_s3_bucket." + name + ".id}")) {
                    problems.add(folder + " aws_s3_bucket." + name + " writes no server access logs");
                }
            });
        }
        assertThat(problems).isEmpty();
        Map<String, Map<String, Object>> calls = Hcl.blocks(PLATFORM, "module");
        assertThat(calls.get("patient_grpc_endpoint")).containsEntry("access_logs_bucket", "${module.audit_logging.access_logs_bucket}")
                .containsEntry("access_logs_prefix", "${module.audit_logging.nlb_access_logs_prefix}");
        for (String bucket : List.of("s3_lab_reports", "s3_fhir_exports")) {
            assertThat(calls.get(bucket)).as(bucket).containsEntry("access_logs_bucket", "${module.audit_logging.access_logs_bucket}")
                    .containsEntry("access_logs_prefix", "${module.audit_logging.s3_access_logs_prefix}");
        }
        // The public ALB belongs to the Load Balancer Controller: the platform says where it logs.
        assertThat(Hcl.blocks(PLATFORM, "output").get("access_logs").toString())
                .contains("bucket=${module.audit_logging.access_logs_bucket}", "alb_prefix=${module.audit_logging.alb_access_logs_prefix}");
    }

    @Test
    void guardDutyWatchesS3TheEksAuditLogAndTheNodesAtRuntime() {
        assertThat(resource(AUDIT, "aws_guardduty_detector", "this")).containsEntry("enable", true);
        assertThat(resource(AUDIT, "aws_guardduty_detector_feature", "this")).containsEntry("for_each", "${local.guardduty_features}")
                .containsEntry("status", "ENABLED");
        Map<String, Object> features = KubernetesManifestsTest.map(Hcl.folder(AUDIT).stream()
                .flatMap(file -> KubernetesManifestsTest.list(file, "locals").stream())
                .filter(locals -> locals.containsKey("guardduty_features")).findFirst().orElseThrow(), "guardduty_features");
        assertThat(features).containsKeys("S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "RUNTIME_MONITORING", "RDS_LOGIN_EVENTS")
                .containsEntry("RUNTIME_MONITORING", List.of("EKS_ADDON_MANAGEMENT"));
    }

    @Test
    void awsConfigRecordsEverythingIntoTheAuditBucketAndJudgesItByTheHipaaConformancePack() {
        assertThat(resource(AUDIT, "aws_config_configuration_recorder", "this").toString())
                .contains("all_supported=true", "include_global_resource_types=true", "role_arn=${aws_iam_role.config.arn}");
        assertThat(resource(AUDIT, "aws_config_delivery_channel", "this")).containsEntry("s3_bucket_name", "${aws_s3_bucket.audit.id}")
                .containsEntry("s3_kms_key_arn", "${aws_kms_key.logs.arn}");
        assertThat(resource(AUDIT, "aws_config_configuration_recorder_status", "this")).containsEntry("is_enabled", true);
        assertThat(resource(AUDIT, "aws_config_conformance_pack", "hipaa")).containsEntry("template_s3_uri", "${var.conformance_pack_template_s3_uri}");
        for (String env : List.of("envs/dev", "envs/prod")) {
            assertThat(String.valueOf(Hcl.blocks(env, "module").get("platform").get("hipaa_conformance_pack_template_s3_uri")))
                    .as(env).startsWith("s3://").endsWith("/Operational-Best-Practices-for-HIPAA-Security.yaml");
        }
    }

    @Test
    void everyLogGroupKeepsItsEventsForAWhileEncryptedWithTheLogsKey() {
        List<String> problems = new ArrayList<>();
        Set<String> foldersWithLogGroups = new TreeSet<>();
        for (String folder : Hcl.folders()) {
            Hcl.typedBlocks(folder, "resource").getOrDefault("aws_cloudwatch_log_group", Map.of()).forEach((name, group) -> {
                foldersWithLogGroups.add(folder.substring(folder.lastIndexOf('/') + 1));
                if (!group.containsKey("retention_in_days") || !"${var.log_kms_key_arn}".equals(group.get("kms_key_id"))) {
                    problems.add(folder + " aws_cloudwatch_log_group." + name + ": retention " + group.get("retention_in_days") + ", key " + group.get("kms_key_id"));
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(foldersWithLogGroups).contains("eks", "rds", "waf", "lambda_lab_processor");
        // Each module with a log group is given the logs key, directly or through keycloak -> rds.
        Hcl.blocks(PLATFORM, "module").forEach((call, body) -> {
            String source = String.valueOf(body.get("source")).substring(3);
            if (foldersWithLogGroups.contains(source) || source.equals("keycloak")) {
                assertThat(body).as(call).containsEntry("log_kms_key_arn", LOGS_KEY).containsEntry("log_retention_days", "${local.log_days}");
            }
        });
        assertThat(Hcl.blocks("modules/keycloak", "module").get("database")).containsEntry("log_kms_key_arn", "${var.log_kms_key_arn}");
        // The groups AWS would otherwise make itself, unencrypted and kept forever, are made first.
        assertThat(resource("modules/rds", "aws_cloudwatch_log_group", "postgresql")).containsEntry("name", "/aws/rds/instance/${var.name}/postgresql");
        assertThat(strings(resource("modules/rds", "aws_db_instance", "this").get("enabled_cloudwatch_logs_exports"))).containsExactly("postgresql");
        assertThat(resource("modules/eks", "aws_cloudwatch_log_group", "cluster")).containsEntry("name", "/aws/eks/${var.name}/cluster");
        assertThat(strings(resource("modules/eks", "aws_eks_cluster", "this").get("depends_on"))).contains("${aws_cloudwatch_log_group.cluster}");
        // CloudWatch Logs may use the key for this account's log groups only.
        assertThat(Hcl.typedBlocks(AUDIT, "data").get("aws_iam_policy_document").get("logs_key").toString())
                .contains("identifiers=[logs.${local.region}.amazonaws.com]", "variable=kms:EncryptionContext:aws:logs:arn");
    }

    @Test
    void keycloakStoresSignInAndAdminEventsForNinetyDays() {
        JsonNode realm = JsonMapper.builder().build().readTree(Repository.read(Repository.KUBERNETES.resolve("base/keycloak/medicore-realm.json")));
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("adminEventsDetailsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("eventsExpiration").asLong()).isEqualTo(90L * 24 * 3600);
        assertThat(realm.at("/attributes/adminEventsExpiration").asString()).isEqualTo(String.valueOf(90L * 24 * 3600));
        Set<String> types = new TreeSet<>();
        realm.get("enabledEventTypes").forEach(type -> types.add(type.asString()));
        assertThat(types).contains("LOGIN", "LOGIN_ERROR", "LOGOUT", "CODE_TO_TOKEN", "CLIENT_LOGIN", "CLIENT_LOGIN_ERROR",
                "UPDATE_PASSWORD", "RESET_PASSWORD", "UPDATE_TOTP", "REMOVE_TOTP", "UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL",
                "IMPERSONATE", "USER_DISABLED_BY_TEMPORARY_LOCKOUT", "USER_DISABLED_BY_PERMANENT_LOCKOUT");
        // jboss-logging writes them to the container's log too, which the cluster's log shipping takes;
        // successful sign-ins only when its level is raised from DEBUG.
        assertThat(realm.get("eventsListeners").toString()).contains("jboss-logging");
        assertThat(Repository.read(Repository.KUBERNETES.resolve("base/keycloak/configmap.yaml")))
                .contains("KC_SPI_EVENTS_LISTENER_JBOSS_LOGGING_SUCCESS_LEVEL: info");
    }

    @Test
    void thePublicBalancerOfEachOverlayWritesItsAccessLogsWhereThePlatformSays() {
        java.util.regex.Matcher albPrefix = java.util.regex.Pattern.compile("alb_prefix\\s*=\\s*\"([^\"]+)\"")
                .matcher(Repository.read(Repository.INFRA.resolve(AUDIT).resolve("main.tf")));
        assertThat(albPrefix.find()).as("local.alb_prefix of " + AUDIT).isTrue();
        String prefix = albPrefix.group(1);
        assertThat(Repository.read(Repository.INFRA.resolve(AUDIT).resolve("buckets.tf")))
                .containsPattern("access\\s*=\\s*\"\\$\\{var.name}-access-logs-\\$\\{local.account}\"");
        for (String overlay : List.of("dev", "prod")) {
            String attributes = Repository.renderOverlay(overlay).lines()
                    .filter(line -> line.contains("alb.ingress.kubernetes.io/load-balancer-attributes:")).findFirst().orElseThrow();
            assertThat(attributes).as(overlay).contains("idle_timeout.timeout_seconds=3600", "access_logs.s3.enabled=true",
                    "access_logs.s3.prefix=" + prefix).matches(".*access_logs\\.s3\\.bucket=medicore-" + overlay + "-access-logs-\\d{12}$");
        }
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static Map<String, Object> resource(String folder, String type, String name) {
        Map<String, Object> body = Hcl.typedBlocks(folder, "resource").getOrDefault(type, Map.of()).get(name);
        assertThat(body).as("%s %s.%s", folder, type, name).isNotNull();
        return body;
    }
}
