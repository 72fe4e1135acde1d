package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Terraform code as far as it can be checked without the AWS provider (terraform init cannot
 * download it here, so terraform validate is impossible): module wiring, IAM least privilege on
 * the PHI stores, encryption, tags, and the patient and lab report tables mirroring their services' design.
 */
class TerraformWiringTest {

    private static final List<String> MODULES = List.of("network", "eks", "rds", "dynamodb", "s3_lab_reports",
            "s3_fhir_exports", "lambda_lab_processor", "grpc_endpoint", "msk", "secrets", "keycloak", "audit_logging");
    private static final List<String> ENVS = List.of("envs/dev", "envs/prod");
    /** The platform's calls of modules/dynamodb: patient-service's table and lab-processor's. */
    private static final List<String> TABLES = List.of("dynamodb", "dynamodb_lab_reports");
    private static final String PLATFORM = "modules/platform";
    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "depends_on", "providers");
    private static final Pattern MODULE_OUTPUT = Pattern.compile("module\\.([a-z0-9_]+)\\.([a-z0-9_]+)");
    private static final Pattern VARIABLE = Pattern.compile("\\bvar\\.([a-z0-9_]+)");
    /** "*", or a literal ARN ending in "/*" or ":*" (everything in a bucket, table or account). */
    private static final Pattern WILDCARD_RESOURCE = Pattern.compile("(^\\*$)|(\"\\*\")|([/:]\\*(\"|$|]))|(\\}/\\*)");

    @Test
    void theModulesAndEnvironmentsExist() {
        for (String module : MODULES) {
            assertThat(Hcl.folders()).contains("modules/" + module);
            assertThat(Hcl.blocks("modules/" + module, "variable")).as(module).isNotEmpty();
            assertThat(Hcl.blocks("modules/" + module, "output")).as(module).isNotEmpty();
        }
        assertThat(Hcl.blocks(PLATFORM, "module").values().stream().map(call -> (String) call.get("source")))
                .as("%s composes every module", PLATFORM).containsAll(MODULES.stream().map(module -> "../" + module).toList());
        assertThat(Hcl.folders()).containsAll(ENVS);
        for (String env : ENVS) {
            assertThat(Hcl.blocks(env, "module").get("platform")).as(env).containsEntry("source", "../../" + PLATFORM);
        }
    }

    @Test
    void everyModuleCallPassesDeclaredVariablesAndAllRequiredOnes() {
        List<String> problems = new ArrayList<>();
        for (String folder : Hcl.folders()) {
            Hcl.blocks(folder, "module").forEach((call, body) -> {
                String target = moduleFolder(folder, (String) body.get("source"));
                Map<String, Map<String, Object>> variables = Hcl.blocks(target, "variable");
                if (variables.isEmpty()) {
                    problems.add(folder + ": module " + call + " has no variables at " + target);
                    return;
                }
                Set<String> passed = new TreeSet<>(body.keySet());
                passed.removeAll(META_ARGUMENTS);
                passed.stream().filter(argument -> !variables.containsKey(argument))
                        .forEach(argument -> problems.add(folder + ": module " + call + " passes " + argument + ", not a variable of " + target));
                variables.forEach((name, variable) -> {
                    if (!variable.containsKey("default") && !passed.contains(name)) {
                        problems.add(folder + ": module " + call + " does not pass required " + name + " of " + target);
                    }
                });
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferencedModuleOutputExists() {
        List<String> problems = new ArrayList<>();
        for (String folder : Hcl.folders()) {
            Map<String, Map<String, Object>> calls = Hcl.blocks(folder, "module");
            Matcher matcher = MODULE_OUTPUT.matcher(Hcl.text(folder));
            while (matcher.find()) {
                Map<String, Object> call = calls.get(matcher.group(1));
                if (call == null) {
                    problems.add(folder + ": " + matcher.group() + " names no module call");
                } else if (!Hcl.blocks(moduleFolder(folder, (String) call.get("source")), "output").containsKey(matcher.group(2))) {
                    problems.add(folder + ": " + matcher.group() + " is not an output of " + call.get("source"));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableUsedIsDeclaredAndDescribedAndEveryOutputDescribed() {
        List<String> problems = new ArrayList<>();
        for (String folder : Hcl.folders()) {
            Map<String, Map<String, Object>> variables = Hcl.blocks(folder, "variable");
            Matcher matcher = VARIABLE.matcher(Hcl.text(folder));
            while (matcher.find()) {
                if (!variables.containsKey(matcher.group(1))) {
                    problems.add(folder + ": var." + matcher.group(1) + " is not declared");
                }
            }
            variables.forEach((name, body) -> {
                if (!(body.get("description") instanceof String description) || description.isBlank()) {
                    problems.add(folder + ": variable " + name + " has no description");
                }
            });
            Hcl.blocks(folder, "output").forEach((name, body) -> {
                if (!body.containsKey("description")) {
                    problems.add(folder + ": output " + name + " has no description");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEnvironmentTagsEverythingAndProdIsProductionGrade() {
        for (String env : ENVS) {
            Map<String, Object> aws = Hcl.blocks(env, "provider").get("aws");
            assertThat(aws).as("%s provider aws", env).containsKey("default_tags");
            assertThat(aws.get("default_tags").toString()).contains("Project", "Environment=" + env.substring(5), "ManagedBy", "DataClassification");
            assertThat(Hcl.text(env)).contains("backend={s3=");
        }
        assertThat(Hcl.blocks("envs/prod", "module").get("platform")).containsEntry("production_grade", true).containsEntry("az_count", 3);
        assertThat(Hcl.blocks("envs/dev", "module").get("platform")).containsEntry("production_grade", false);
        assertThat(Hcl.blocks(PLATFORM, "module").get("rds")).containsEntry("multi_az", "${local.prod}")
                .containsEntry("deletion_protection", "${local.prod}");
    }

    @Test
    void noAllowStatementUsesAWildcardActionNorAWildcardResourceOnAPhiStore() {
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (String folder : Hcl.folders()) {
            Map<String, Map<String, Object>> documents = Hcl.typedBlocks(folder, "data").getOrDefault("aws_iam_policy_document", Map.of());
            Set<String> keyPolicies = new TreeSet<>();
            Hcl.typedBlocks(folder, "resource").getOrDefault("aws_kms_key_policy", Map.of()).values()
                    .forEach(keyPolicy -> keyPolicies.add(String.valueOf(keyPolicy.get("policy")).replaceAll("^\\$\\{data\\.aws_iam_policy_document\\.(\\w+)\\.json}$", "$1")));
            for (Map.Entry<String, Map<String, Object>> document : documents.entrySet()) {
                for (Map<String, Object> statement : statements(document.getValue())) {
                    statements++;
                    if ("Deny".equals(statement.get("effect"))) {
                        continue; // a Deny with wildcards narrows access (e.g. refuse plain HTTP on the bucket)
                    }
                    String where = folder + " " + document.getKey() + " " + statement.getOrDefault("sid", "");
                    if (keyPolicies.contains(document.getKey())) {
                        keyPolicyProblems(where, statement).forEach(problems::add);
                        continue;
                    }
                    List<String> actions = strings(statement.get("actions"));
                    actions.stream().filter(action -> action.contains("*")).forEach(action -> problems.add(where + ": action " + action));
                    if (statement.containsKey("not_actions") || statement.containsKey("not_resources")) {
                        problems.add(where + ": NotAction/NotResource");
                    }
                    String resources = String.valueOf(statement.get("resources"));
                    // The portal's files, which every browser downloads, read by its CloudFront distribution only.
                    boolean publicFiles = actions.equals(List.of("s3:GetObject"))
                            && String.valueOf(statement.get("principals")).equals("[{identifiers=[cloudfront.amazonaws.com], type=Service}]")
                            && String.valueOf(statement.get("condition")).contains("AWS:SourceArn");
                    boolean phi = !publicFiles && (actions.stream().anyMatch(a -> a.startsWith("s3:") || a.startsWith("dynamodb:") || a.startsWith("kms:"))
                            || resources.matches("(?s).*(dynamodb|s3_bucket|bucket|table|kms).*"));
                    for (String resource : strings(statement.get("resources"))) {
                        if (phi && WILDCARD_RESOURCE.matcher(resource).find()) {
                            problems.add(where + ": resource " + resource);
                        }
                    }
                }
            }
        }
        assertThat(statements).isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    /**
     * A key policy's statements: their resource is "*", which there means the key itself. Only the
     * key's own account may have every action (AWS's default key policy, which leaves the rest to
     * its IAM policies); any other principal gets named actions under a condition.
     */
    private static List<String> keyPolicyProblems(String where, Map<String, Object> statement) {
        List<String> problems = new ArrayList<>();
        if (!strings(statement.get("resources")).equals(List.of("*"))) {
            problems.add(where + ": a key policy statement names resources " + statement.get("resources"));
        }
        boolean account = String.valueOf(statement.get("principals")).equals("[{identifiers=[arn:${local.partition}:iam::${local.account}:root], type=AWS}]");
        List<String> actions = strings(statement.get("actions"));
        if (account ? !actions.equals(List.of("kms:*")) : actions.stream().anyMatch(action -> action.contains("*") || !action.startsWith("kms:"))) {
            problems.add(where + ": key policy actions " + actions);
        }
        if (!account && !statement.containsKey("condition")) {
            problems.add(where + ": a service's use of the key without a condition");
        }
        return problems;
    }

    @Test
    void wildcardResourceRuleTellsPrefixesFromWholeStores() {
        assertThat(WILDCARD_RESOURCE.matcher("*").find()).isTrue();
        assertThat(WILDCARD_RESOURCE.matcher("${aws_s3_bucket.this.arn}/*").find()).isTrue();
        assertThat(WILDCARD_RESOURCE.matcher("arn:aws:dynamodb:eu-central-1:1:table/x/index/*").find()).isTrue();
        assertThat(WILDCARD_RESOURCE.matcher("${concat([x], [\"${aws_dynamodb_table.p.arn}/index/*\"])}").find()).isTrue();
        assertThat(WILDCARD_RESOURCE.matcher("arn:aws:kms:eu-central-1:1:key/*").find()).isTrue();
        assertThat(WILDCARD_RESOURCE.matcher("${var.bucket_arn}/${var.uploads_prefix}*").find()).isFalse();
        assertThat(WILDCARD_RESOURCE.matcher("${aws_kms_key.this.arn}").find()).isFalse();
        assertThat(WILDCARD_RESOURCE.matcher("${aws_dynamodb_table.patients.arn}/index/${index}").find()).isFalse();
    }

    @Test
    void everyPolicyIsAPolicyDocumentNotInlineJson() {
        List<String> problems = new ArrayList<>();
        for (String folder : Hcl.folders()) {
            Hcl.typedBlocks(folder, "resource").forEach((type, resources) -> resources.forEach((name, body) -> {
                if (body.containsKey("policy") && !String.valueOf(body.get("policy")).matches("\\$\\{data\\.aws_iam_policy_document\\.[a-z_]+(\\[[^]]+])?\\.json}")) {
                    problems.add(folder + " " + type + "." + name + ": policy " + body.get("policy"));
                }
                if (body.containsKey("assume_role_policy") && !String.valueOf(body.get("assume_role_policy")).startsWith("${data.aws_iam_policy_document.")) {
                    problems.add(folder + " " + type + "." + name + ": assume_role_policy " + body.get("assume_role_policy"));
                }
            }));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void dataStoresAreEncryptedAndProtected() {
        // Both tables (patient, lab reports) are this module's.
        Map<String, Object> table = resource("modules/dynamodb", "aws_dynamodb_table", "this");
        assertThat(table.get("point_in_time_recovery").toString()).contains("enabled=true");
        assertThat(table.get("server_side_encryption").toString()).contains("enabled=true", "kms_key_arn=${aws_kms_key.this.arn}");
        assertThat(table).containsEntry("deletion_protection_enabled", "${var.deletion_protection}").containsEntry("billing_mode", "PAY_PER_REQUEST")
                .containsEntry("hash_key", "${var.hash_key}").containsEntry("range_key", "${var.range_key}");
        assertThat(table.get("dynamic").toString()).contains("projection_type=ALL", "type=S");
        assertThat(Hcl.blocks(PLATFORM, "module")).containsKeys(TABLES.toArray(String[]::new)).allSatisfy((call, body) -> {
            if (TABLES.contains(call)) {
                assertThat(body).as(call).containsEntry("source", "../dynamodb").containsEntry("deletion_protection", "${local.prod}");
            }
        });

        Map<String, Object> database = resource("modules/rds", "aws_db_instance", "this");
        assertThat(database).containsEntry("storage_encrypted", true).containsEntry("publicly_accessible", false)
                .containsEntry("engine", "postgres").containsEntry("engine_version", "17")
                .containsEntry("kms_key_id", "${aws_kms_key.this.arn}").containsEntry("multi_az", "${var.multi_az}")
                .containsEntry("backup_retention_period", "${var.backup_retention_days}");

        String bucket = Hcl.text("modules/s3_lab_reports");
        assertThat(bucket).contains("sse_algorithm=aws:kms", "status=Enabled", "block_public_acls=true", "block_public_policy=true",
                "ignore_public_acls=true", "restrict_public_buckets=true", "aws:SecureTransport",
                "prefix=${var.quarantine_prefix}", "filter_prefix=${var.uploads_prefix}", "s3:ObjectCreated:*");

        Map<String, Object> cluster = resource("modules/msk", "aws_msk_cluster", "this");
        assertThat(cluster.get("client_authentication").toString()).contains("iam=true", "unauthenticated=false");
        assertThat(cluster.get("encryption_info").toString()).contains("client_broker=TLS", "in_cluster=true");

        Map<String, Object> function = resource("modules/lambda_lab_processor", "aws_lambda_function", "this");
        assertThat(function).containsEntry("runtime", "java21").containsEntry("handler", "${var.handler}");
        assertThat(Hcl.blocks(PLATFORM, "variable").get("lab_processor_handler"))
                .containsEntry("default", "org.medicore.lab.adapter.in.lambda.LabReportUploadedHandler::handleRequest");

        for (String folder : Hcl.folders()) {
            Hcl.typedBlocks(folder, "resource").getOrDefault("aws_kms_key", Map.of())
                    .forEach((name, key) -> assertThat(key).as("%s aws_kms_key.%s", folder, name).containsEntry("enable_key_rotation", true));
        }
    }

    @Test
    void patientTableMirrorsPatientServiceDesign() {
        String readme = Repository.read(Repository.ROOT.resolve("domain-services/patient-service/README.md"));
        Map<String, List<String>> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)`[^|]*\\| `([a-z_]+)`[^|]*\\| `([a-z_]+)`").matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), List.of(row.group(2), row.group(3)));
        }
        assertThat(documented).as("GSIs in patient-service/README.md").isNotEmpty();
        assertThat(readme).contains("`pk` (partition), `sk` (sort)");

        Map<String, Object> table = Hcl.blocks(PLATFORM, "module").get("dynamodb");
        assertThat(table).containsEntry("hash_key", "pk").containsEntry("range_key", "sk");
        assertThat(indexesOf(table)).isEqualTo(documented);
    }

    @Test
    void labReportTableMirrorsLabProcessorsReportTable() {
        String java = Repository.read(Repository.ROOT.resolve(
                "domain-services/lab-processor/src/main/java/org/medicore/lab/adapter/out/dynamodb/ReportTable.java"));
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";").matcher(java);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Map<String, List<String>> designed = new LinkedHashMap<>();
        Matcher index = Pattern.compile("indexName\\((\\w+)\\)\\s*\\.keySchema\\(KeySchemaElement\\.builder\\(\\)\\.attributeName\\((\\w+)\\)"
                + "\\.keyType\\(KeyType\\.HASH\\)\\.build\\(\\),\\s*KeySchemaElement\\.builder\\(\\)\\.attributeName\\((\\w+)\\)\\.keyType\\(KeyType\\.RANGE\\)").matcher(java);
        while (index.find()) {
            designed.put(constants.get(index.group(1)), List.of(constants.get(index.group(2)), constants.get(index.group(3))));
        }
        assertThat(designed).as("indexes of ReportTable.java").containsOnlyKeys("outbox-pending", "reports-by-patient", "review-queue",
                "events-by-patient");
        assertThat(java).contains(".keySchema(KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build())", "BillingMode.PAY_PER_REQUEST");

        Map<String, Object> table = Hcl.blocks(PLATFORM, "module").get("dynamodb_lab_reports");
        assertThat(table).containsEntry("hash_key", constants.get("PK")).doesNotContainKey("range_key");
        assertThat(indexesOf(table)).isEqualTo(designed);
        assertThat(Hcl.blocks("modules/dynamodb", "variable").get("range_key")).containsEntry("default", null);
    }

    /**
     * MSK's IAM auth asks for AlterGroup/DescribeGroup on each consumer group: every group a service's yaml
     * names (and its dead-letter replay's, {@code <group>-dlq-replay}) is one the Kafka clients' policy grants.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyConsumerGroupOfTheServicesIsOneTheKafkaClientsMayUse() {
        List<Map<String, Object>> statements = (List<Map<String, Object>>) Hcl.typedBlocks("modules/msk", "data")
                .get("aws_iam_policy_document").get("client").get("statement");
        List<String> granted = statements.stream().filter(statement -> "MedicoreGroups".equals(statement.get("sid")))
                .flatMap(statement -> ((List<String>) statement.get("resources")).stream())
                .map(resource -> resource.replace("${local.arn_prefix}:group/${local.cluster_path}/", ""))
                .toList();
        assertThat(granted).isNotEmpty().allSatisfy(group -> assertThat(group).endsWith("*").doesNotContain("$"));
        List<String> groups = new ArrayList<>();
        for (String module : List.of("domain-services/appointment-service", "domain-services/billing-service",
                "domain-services/notification-service", "domain-services/analytics-service")) {
            Map<String, String> properties = SpringConfig.of(module).properties();
            String group = properties.getOrDefault("spring.kafka.consumer.group-id",
                    properties.get("spring.kafka.streams.application-id"));
            assertThat(group).as("%s's consumer group", module).isNotNull();
            groups.add(group);
            groups.add(group + "-dlq-replay");
        }
        assertThat(groups).contains("appointment-service", "billing-service").allSatisfy(group -> assertThat(granted)
                .as("a grant of group %s", group)
                .anySatisfy(pattern -> assertThat(group).startsWith(pattern.substring(0, pattern.length() - 1))));
    }

    @Test
    void labProcessorReachesItsTableBucketAndKafkaAndNothingElse() {
        String access = "${module.dynamodb_lab_reports.access_policy_json}";
        String bucket = "${module.s3_lab_reports.processor_access_policy_json}";
        Map<String, Object> lambda = Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor");
        assertThat(lambda).containsEntry("report_table_access_policy_json", access).containsEntry("bucket_access_policy_json", bucket);
        assertThat(Hcl.typedBlocks("modules/lambda_lab_processor", "data").get("aws_iam_policy_document").get("access").get("source_policy_documents").toString())
                .contains("var.report_table_access_policy_json", "var.bucket_access_policy_json", "var.kafka_client_policy_json");
        assertThat(Hcl.text("modules/lambda_lab_processor")).doesNotContain("dynamodb:", "s3:");
        assertThat(Hcl.blocks(PLATFORM, "module").get("eks").get("pod_identities").toString())
                .contains("patient-service={namespace=${local.namespace}, policy_jsons=[${module.dynamodb.access_policy_json}, ${module.msk.client_policy_json}]")
                .contains("lab-processor={namespace=${local.namespace}, policy_jsons=[" + access + ", " + bucket + ", "
                        + "${module.s3_lab_reports.eraser_access_policy_json}, ${module.msk.client_policy_json}], service_account=lab-processor}");
        assertThat(lambda.toString()).doesNotContain("eraser");
    }

    /**
     * A lab's result messages dropped as files (lab-processor README, "HL7 v2 result messages") reach the Lambda in the
     * cloud as they reach the local poller: the bucket notifies it of the drop folder too, and it may take a message,
     * answer it and keep it under the prefixes lab-processor's code uses; the version a taken drop leaves behind
     * expires the next day, since it prints the patient and no erasure looks for it there.
     */
    @Test
    void labsMayDropResultMessagesWhichTheLambdaTakesAnswersAndKeepsWhereErasureFindsThem() {
        String code = Repository.read(Repository.ROOT.resolve(
                "domain-services/lab-processor/src/main/java/org/medicore/lab/application/service/LabMessageIntake.java"));
        String report = Repository.read(Repository.ROOT.resolve("domain-services/lab-processor/src/main/java/org/medicore/lab/domain/LabReport.java"));
        Map<String, Object> locals = Hcl.locals("modules/s3_lab_reports");
        assertThat(locals).containsEntry("drop_prefix", "hl7/").containsEntry("acks_prefix", "hl7-acks/")
                .containsEntry("received_prefix", "hl7-received/");
        assertThat(code).contains("DROP_FOLDER = \"hl7/\"", "\"hl7-acks/\"", "\"hl7-received/\"");
        assertThat(report).contains("\"hl7-received/\" + patient");

        Map<String, List<String>> processor = new TreeMap<>();
        for (Map<String, Object> statement : statements(Hcl.typedBlocks("modules/s3_lab_reports", "data").get("aws_iam_policy_document")
                .get("processor"))) {
            processor.put(String.valueOf(statement.get("resources")), strings(statement.get("actions")));
        }
        assertThat(processor).containsEntry("[${aws_s3_bucket.this.arn}/${local.drop_prefix}*]", List.of("s3:GetObject", "s3:DeleteObject"))
                .containsEntry("[${aws_s3_bucket.this.arn}/${local.acks_prefix}*, ${aws_s3_bucket.this.arn}/${local.received_prefix}*]",
                        List.of("s3:PutObject"));
        String bucket = Hcl.text("modules/s3_lab_reports");
        assertThat(bucket).contains("filter_prefix=${local.drop_prefix}", "id=taken-drops", "prefix=${local.drop_prefix}");
    }

    /**
     * The Deployment's erasure on PatientErased (lab-processor README, "Erasure on request"): every version of a
     * report listed and deleted by version id, under the two prefixes it stores reports in; the outbox and report
     * items deleted. The bucket has no Object Lock that would refuse it, and no other role gets these rights.
     */
    @Test
    void labProcessorMayEraseEveryVersionOfItsReportsAndNothingHoldsThemBack() {
        Map<String, Object> eraser = Hcl.typedBlocks("modules/s3_lab_reports", "data").get("aws_iam_policy_document").get("eraser");
        Map<String, List<String>> actions = new TreeMap<>();
        for (Map<String, Object> statement : statements(eraser)) {
            actions.put(String.valueOf(statement.get("resources")), strings(statement.get("actions")));
        }
        assertThat(actions).isEqualTo(Map.of(
                "[${aws_s3_bucket.this.arn}]", List.of("s3:ListBucketVersions"),
                "[${aws_s3_bucket.this.arn}/${var.uploads_prefix}*, ${aws_s3_bucket.this.arn}/${var.quarantine_prefix}*, "
                        + "${aws_s3_bucket.this.arn}/${local.received_prefix}*]",
                List.of("s3:DeleteObject", "s3:DeleteObjectVersion")));
        assertThat(eraser.toString()).contains("variable=s3:prefix",
                "values=[${var.uploads_prefix}*, ${var.quarantine_prefix}*, ${local.received_prefix}*]");
        assertThat(Hcl.text("modules/s3_lab_reports")).doesNotContain("object_lock");
        assertThat(Hcl.text(PLATFORM)).containsOnlyOnce("eraser_access_policy_json");
        assertThat(Hcl.blocks(PLATFORM, "module").get("dynamodb_lab_reports").get("item_actions").toString())
                .contains("dynamodb:DeleteItem").doesNotContain("dynamodb:Scan");
        // its consumer group is one the Kafka client policy grants
        assertThat(Repository.read(Repository.ROOT.resolve("domain-services/lab-processor/src/main/resources/application.yaml")))
                .contains("group-id: medicore-lab-processor", "patients-topic: medicore.patients.v1");
        assertThat(Hcl.text("modules/msk")).contains("group/${local.cluster_path}/medicore*", "topic/${local.cluster_path}/medicore*");
    }

    @Test
    void fhirApisExportBucketIsPrivateEncryptedVersionedAndForgetsItsFilesWithinAWeek() {
        String bucket = Hcl.text("modules/s3_fhir_exports");
        assertThat(bucket).contains("sse_algorithm=aws:kms", "kms_master_key_id=${aws_kms_key.this.arn}", "status=Enabled",
                "block_public_acls=true", "block_public_policy=true", "ignore_public_acls=true", "restrict_public_buckets=true",
                "aws:SecureTransport", "expiration=[{days=${var.export_expiration_days}}]", "noncurrent_version_expiration=[{noncurrent_days=1}]");
        Map<String, Object> call = Hcl.blocks(PLATFORM, "module").get("s3_fhir_exports");
        assertThat(call).containsEntry("source", "../s3_fhir_exports").containsEntry("force_destroy", "${!local.prod}")
                .containsEntry("bucket_name", "${var.fhir_exports_bucket_name}");
        assertThat(((Number) call.get("export_expiration_days")).intValue()).isEqualTo(7);
        // The prefix fhir-api writes under.
        assertThat(Repository.read(Repository.ROOT.resolve("domain-services/fhir-api/src/main/java/org/medicore/fhir/s3/S3ExportFiles.java")))
                .contains("return \"" + call.get("exports_prefix") + "\" + exportId + \"/\";");
        // Each environment names the bucket its overlay gives fhir-api (components/environment puts it in fhir-api-config).
        for (String env : ENVS) {
            String overlay = Repository.read(Repository.KUBERNETES.resolve("overlays/" + env.substring("envs/".length()) + "/kustomization.yaml"));
            String name = (String) Hcl.blocks(env, "module").get("platform").get("fhir_exports_bucket_name");
            assertThat(overlay).as(env).contains("- fhir_exports_bucket=" + name + "\n");
        }
        assertThat(Repository.read(Repository.KUBERNETES.resolve("components/environment/kustomization.yaml")))
                .contains("fieldPath: data.fhir_exports_bucket}\n    targets:\n      - select: {kind: ConfigMap, name: fhir-api-config}\n"
                        + "        fieldPaths: [data.MEDICORE_FHIR_EXPORT_BUCKET]");
    }

    @Test
    void fhirApiMayWriteSignListAndRemoveItsExportsAndNothingElse() {
        assertThat(Hcl.blocks(PLATFORM, "module").get("eks").get("pod_identities").toString())
                .contains("fhir-api={namespace=${local.namespace}, policy_jsons=[${module.s3_fhir_exports.exporter_access_policy_json}],"
                        + " service_account=fhir-api}");
        Map<String, Object> exporter = Hcl.typedBlocks("modules/s3_fhir_exports", "data").get("aws_iam_policy_document").get("exporter");
        Map<String, List<String>> actions = new TreeMap<>();
        for (Map<String, Object> statement : statements(exporter)) {
            actions.put(String.valueOf(statement.get("resources")), strings(statement.get("actions")));
        }
        assertThat(actions).isEqualTo(Map.of(
                "[${aws_s3_bucket.this.arn}/${var.exports_prefix}*]", List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                "[${aws_s3_bucket.this.arn}]", List.of("s3:ListBucket"),
                "[${aws_kms_key.this.arn}]", List.of("kms:Decrypt", "kms:GenerateDataKey")));
        assertThat(exporter.toString()).contains("variable=s3:prefix", "values=[${var.exports_prefix}*]");
        // The pods that run as that service account.
        Map<String, Object> pod = KubernetesManifestsTest.map(Repository.yamlMap(
                Repository.KUBERNETES.resolve("base/fhir-api/deployment.yaml")), "spec", "template", "spec");
        assertThat(pod).containsEntry("serviceAccountName", "fhir-api");
    }

    @Test
    void theLambdaIsConfiguredWithTheNamesLabProcessorReads() {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor").get("environment");
        @SuppressWarnings("unchecked")
        Map<String, Object> secretEnvironment = (Map<String, Object>) Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor").get("secret_environment");
        Set<String> variables = new TreeSet<>(environment.keySet());
        variables.addAll(secretEnvironment.keySet());
        // A JVM option, not a Spring property (README of lab-processor).
        assertThat(variables.remove("JAVA_TOOL_OPTIONS")).isTrue();
        // Kafka clients sign in to MSK exactly as the services' pods do.
        Map<String, Object> kafkaClient = Repository.yamlMap(Repository.KUBERNETES.resolve("base/kafka-client-config.yaml"));
        KubernetesManifestsTest.map(kafkaClient, "data").forEach((name, value) -> {
            assertThat(environment).containsEntry(name, value);
            variables.remove(name);
        });
        assertThat(SpringConfig.of("domain-services/lab-processor").unread(variables, Set.of())).isEmpty();
        assertThat(variables).contains("MEDICORE_LAB_S3_BUCKET", "MEDICORE_LAB_DYNAMODB_TABLE", "MEDICORE_LAB_S3_ENDPOINT",
                "MEDICORE_LAB_DYNAMODB_ENDPOINT", "MEDICORE_LAB_PATIENTSERVICE_TARGET", "MEDICORE_LAB_PATIENTSERVICE_TOKENENDPOINT",
                "MEDICORE_LAB_PATIENTSERVICE_CLIENTID", "MEDICORE_LAB_PATIENTSERVICE_CLIENTSECRET");
        assertThat(secretEnvironment).as("the partner secret only in the encrypted, sensitive part")
                .containsOnlyKeys("MEDICORE_LAB_PATIENTSERVICE_CLIENTSECRET");
        assertThat(environment.get("MEDICORE_LAB_PATIENTSERVICE_TARGET"))
                .isEqualTo("${module.patient_grpc_endpoint.dns_name}:${local.patient_grpc_port}");
        assertThat(environment.get("MEDICORE_LAB_PATIENTSERVICE_TOKENENDPOINT"))
                .isEqualTo("${var.auth_url}/realms/medicore/protocol/openid-connect/token");
        assertThat(resource("modules/lambda_lab_processor", "aws_lambda_function", "this"))
                .containsEntry("kms_key_arn", "${aws_kms_key.environment.arn}");
    }

    @Test
    void patientServicesBalancerAdmitsOnlyTheLambdaAndProbesReadiness() {
        Map<String, Object> endpoint = Hcl.blocks(PLATFORM, "module").get("patient_grpc_endpoint");
        assertThat(endpoint).containsEntry("port", "${local.patient_grpc_port}")
                .containsEntry("health_check_port", "${local.management_port}")
                .containsEntry("health_check_path", "/actuator/health/readiness")
                .containsEntry("target_security_group_id", "${module.eks.pod_security_group_ids[\"patient-service\"]}")
                .containsEntry("client_security_group_ids", Map.of("lab-processor-lambda", "${module.lambda_lab_processor.security_group_id}"));
        // The ports the Kubernetes manifests give patient-service's container.
        Map<String, Object> container = KubernetesManifestsTest.list(KubernetesManifestsTest.map(Repository.yamlMap(
                Repository.KUBERNETES.resolve("base/patient-service/deployment.yaml")), "spec", "template", "spec"), "containers").get(0);
        Map<Object, Object> ports = new LinkedHashMap<>();
        KubernetesManifestsTest.list(container, "ports").forEach(port -> ports.put(port.get("name"), port.get("containerPort")));
        assertThat(Hcl.text(PLATFORM)).contains("patient_grpc_port=" + ports.get("grpc"), "management_port=" + ports.get("management"));
        assertThat(resource("modules/grpc_endpoint", "aws_lb", "this")).containsEntry("internal", true)
                .containsEntry("load_balancer_type", "network");
        assertThat(Hcl.text("modules/grpc_endpoint")).doesNotContain("0.0.0.0/0", "cidr_ipv4");
    }

    @Test
    void eachEnvironmentNamesTheKeycloakItsOverlayDeploys() {
        for (String env : ENVS) {
            String overlay = Repository.read(Repository.KUBERNETES.resolve("overlays/" + env.substring("envs/".length()) + "/kustomization.yaml"));
            String authUrl = (String) Hcl.blocks(env, "module").get("platform").get("auth_url");
            assertThat(overlay).as(env).contains("- auth_host=" + authUrl.substring("https://".length()) + "\n");
        }
    }

    /** The indexes a call of modules/dynamodb passes: name -> [hash, range]. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> indexesOf(Map<String, Object> call) {
        Map<String, Map<String, String>> indexes = (Map<String, Map<String, String>>) call.get("indexes");
        Map<String, List<String>> declared = new LinkedHashMap<>();
        indexes.forEach((name, keys) -> declared.put(name, List.of(keys.get("hash"), keys.get("range"))));
        return declared;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> document) {
        Object statements = document.get("statement");
        return statements == null ? List.of() : (List<Map<String, Object>>) statements;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static Map<String, Object> resource(String folder, String type, String name) {
        Map<String, Object> body = Hcl.typedBlocks(folder, "resource").getOrDefault(type, Map.of()).get(name);
        assertThat(body).as("%s %s.%s", folder, type, name).isNotNull();
        return body;
    }

    private static String moduleFolder(String caller, String source) {
        assertThat(source).as("module source in %s", caller).startsWith("../");
        return Path.of(caller).resolve(source).normalize().toString().replace('\\', '/');
    }
}
