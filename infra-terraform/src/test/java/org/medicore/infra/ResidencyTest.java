package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residency as policy (GDPR): AWS refuses other regions through a service control policy, and
 * Terraform refuses to plan any environment whose provider configurations leave the allow-list.
 */
class ResidencyTest {

    private static final List<String> ROOTS = List.of("envs/dev", "envs/prod", "envs/organization");
    private static final String SCP = "modules/eu_region_scp";

    @Test
    void theServiceControlPolicyDeniesEveryRegionOutsideTheEuButForGlobalServicesAndBreakGlass() {
        Map<String, Object> statement = statements(Hcl.typedBlocks(SCP, "data").get("aws_iam_policy_document")
                .get("deny_outside_allowed_regions")).get(0);
        assertThat(statement).containsEntry("effect", "Deny").containsEntry("not_actions", "${var.global_service_actions}")
                .containsEntry("resources", List.of("*"));
        assertThat(statement.get("condition").toString()).contains(
                "{test=StringNotEquals, values=${var.allowed_regions}, variable=aws:RequestedRegion}",
                "{test=ArnNotLike, values=${var.exempt_role_arns}, variable=aws:PrincipalARN}");
        Map<String, Map<String, Object>> variables = Hcl.blocks(SCP, "variable");
        assertThat(strings(variables.get("global_service_actions").get("default")))
                .contains("iam:*", "organizations:*", "sts:*", "cloudfront:*", "route53:*", "support:*", "ec2:DescribeRegions")
                .noneMatch(action -> action.startsWith("s3:*") || action.startsWith("dynamodb:") || action.startsWith("rds:")
                        || action.startsWith("kms:") || action.startsWith("ec2:Run"));
        assertThat(variables.get("allowed_regions").get("default")).isEqualTo(Hcl.blocks("modules/platform", "variable").get("allowed_regions").get("default"));
        assertThat(strings(variables.get("allowed_regions").get("default"))).allMatch(region -> region.startsWith("eu-"));
        assertThat(Hcl.typedBlocks(SCP, "resource").get("aws_organizations_policy").get("this"))
                .containsEntry("type", "SERVICE_CONTROL_POLICY").containsEntry("content", "${data.aws_iam_policy_document.deny_outside_allowed_regions.json}");
        assertThat(Hcl.blocks("envs/organization", "module").get("eu_region_scp")).containsEntry("source", "../../" + SCP);
    }

    @Test
    void everyProviderConfigurationOfEveryRootIsCheckedAgainstTheAllowList() {
        for (String root : ROOTS) {
            Map<String, String> regions = providerRegions(root);
            assertThat(regions).as(root).isNotEmpty().containsKey("default");
            Map<String, Map<String, Object>> calls = Hcl.blocks(root, "module");
            if (calls.containsKey("platform")) {
                // Each configuration goes to the platform, which checks each one it declares.
                @SuppressWarnings("unchecked")
                Map<String, String> passed = (Map<String, String>) calls.get("platform").get("providers");
                assertThat(passed.keySet()).as(root).containsExactlyInAnyOrderElementsOf(
                        regions.keySet().stream().map(name -> name.equals("default") ? "aws" : "aws." + name).toList());
                assertThat(checkedConfigurations("modules/platform")).as(root).containsExactlyInAnyOrderElementsOf(regions.keySet());
            } else {
                assertThat(checkedConfigurations(root)).as(root).containsExactlyInAnyOrderElementsOf(regions.keySet());
            }
        }
        @SuppressWarnings("unchecked")
        List<String> aliases = (List<String>) ((Map<String, Object>) ((List<Map<String, Object>>) ((List<Map<String, Object>>) Hcl.folder("modules/platform")
                .stream().filter(file -> file.containsKey("terraform")).findFirst().orElseThrow().get("terraform")).get(0)
                .get("required_providers")).get(0).get("aws")).get("configuration_aliases");
        assertThat(aliases).as("the platform's provider configurations").containsExactly("${aws.backup_copy}");
    }

    @Test
    void terraformPlansTheEnvironmentsRegionsAndRefusesOneOutsideTheEu(@TempDir Path root) throws IOException {
        TerraformValidateTest.assumeTerraformWithAMirroredProvider();
        TerraformValidateTest.copyForValidation(Repository.INFRA.resolve("modules/residency"), root.resolve("residency"));
        Map<String, String> environment = TerraformValidateTest.mirrorEnvironment(root);
        String allowed = Hcl.blocks("modules/platform", "variable").get("allowed_regions").get("default").toString();
        Map<String, String> regions = new LinkedHashMap<>();
        ROOTS.forEach(env -> providerRegions(env).forEach((name, region) -> regions.put(env.substring(5) + "_" + name, region)));

        Files.writeString(root.resolve("main.tf"), residencyRoot(regions, allowed));
        Repository.Run init = Repository.run(root, List.of("terraform", "init", "-backend=false", "-input=false", "-no-color"), environment);
        assertThat(init.exitCode()).as(init.output()).isZero();
        Repository.Run inTheEu = plan(root, environment);
        assertThat(inTheEu.exitCode()).as(inTheEu.output()).isZero();

        regions.put("prod_default", "us-east-1");
        Files.writeString(root.resolve("main.tf"), residencyRoot(regions, allowed));
        Repository.Run outside = plan(root, environment);
        assertThat(outside.exitCode()).isNotZero();
        assertThat(outside.output()).contains("Resource precondition failed", "MediCore keeps patient data in", "prod_default=us-east-1");
    }

    /** A root with one offline provider configuration per region and the residency check of them all. */
    private static String residencyRoot(Map<String, String> regions, String allowed) {
        StringBuilder hcl = new StringBuilder();
        regions.forEach((name, region) -> hcl.append("""
                provider "aws" {
                  alias                       = "%1$s"
                  region                      = "%2$s"
                  access_key                  = "offline"
                  secret_key                  = "offline"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  skip_region_validation      = true
                }

                data "aws_region" "%1$s" {
                  provider = aws.%1$s
                }
                """.formatted(name, region)));
        hcl.append("module \"residency\" {\n  source          = \"./residency\"\n  allowed_regions = ")
                .append(allowed.replace("[", "[\"").replace("]", "\"]").replace(", ", "\", \""))
                .append("\n  regions = {\n")
                .append(regions.keySet().stream().map(name -> "    " + name + " = data.aws_region." + name + ".name").collect(Collectors.joining("\n")))
                .append("\n  }\n}\n");
        return hcl.toString();
    }

    private static Repository.Run plan(Path root, Map<String, String> environment) {
        return Repository.run(root, List.of("terraform", "plan", "-input=false", "-refresh=false", "-no-color", "-lock=false"), environment);
    }

    /** The region of each aws provider configuration of a root, by alias ("default" for the unaliased one). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> providerRegions(String root) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (Map<String, Object> file : Hcl.folder(root)) {
            if (file.get("provider") instanceof Map<?, ?> providers && providers.get("aws") instanceof List<?> configurations) {
                for (Map<String, Object> configuration : (List<Map<String, Object>>) configurations) {
                    regions.put(String.valueOf(configuration.getOrDefault("alias", "default")), String.valueOf(configuration.get("region")));
                }
            }
        }
        return regions;
    }

    /** The provider configurations a folder's call of modules/residency checks: each a data.aws_region of that configuration. */
    @SuppressWarnings("unchecked")
    private static List<String> checkedConfigurations(String folder) {
        Map<String, Object> residency = Hcl.blocks(folder, "module").get("residency");
        assertThat(residency).as("%s calls modules/residency", folder).isNotNull();
        assertThat(String.valueOf(residency.get("source"))).matches("(\\.\\./)+(modules/)?residency");
        Map<String, Map<String, Object>> regionSources = Hcl.typedBlocks(folder, "data").get("aws_region");
        List<String> checked = new ArrayList<>();
        ((Map<String, String>) residency.get("regions")).forEach((name, value) -> {
            String source = value.replaceAll("^\\$\\{data\\.aws_region\\.(\\w+)\\.region}$", "$1");
            assertThat(regionSources).as("%s: %s", folder, value).containsKey(source);
            String provider = String.valueOf(regionSources.get(source).getOrDefault("provider", "${aws}"));
            assertThat(provider).as("%s: the region of %s is read from its own provider configuration", folder, name)
                    .isEqualTo(name.equals("default") ? "${aws}" : "${aws." + name + "}");
            checked.add(name);
        });
        return checked;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> document) {
        return (List<Map<String, Object>>) document.get("statement");
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }
}
