package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Credentials no service can abuse: the RDS masters are RDS's own and reach nothing in the
 * cluster, Keycloak has its own login, migrations sign in apart from the running services, and
 * every database login rotates with AWS's rotation functions.
 */
class DatabaseLoginsTest {

    private static final String SECRETS = "modules/secrets";
    private static final String KEYCLOAK = "modules/keycloak";
    private static final String AWS_ROTATION = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotation";

    @Test
    void rdsKeepsAndRotatesTheMasterPasswordsWhichTerraformNeverKnows() {
        Map<String, Object> instance = Hcl.typedBlocks("modules/rds", "resource").get("aws_db_instance").get("this");
        assertThat(instance).containsEntry("manage_master_user_password", true)
                .containsEntry("master_user_secret_kms_key_id", "${var.master_secret_kms_key_arn}").doesNotContainKey("password");
        Map<String, Map<String, Object>> platform = Hcl.blocks("modules/platform", "module");
        assertThat(platform.get("rds")).containsEntry("master_secret_kms_key_arn", "${module.secrets.kms_key_arn}");
        assertThat(Hcl.blocks(KEYCLOAK, "module").get("database")).containsEntry("master_secret_kms_key_arn", "${var.secrets_kms_key_arn}");
        for (String folder : Hcl.folders()) {
            assertThat(Hcl.text(folder)).as(folder).doesNotContain("master_password", "random_password.master");
        }
    }

    @Test
    void nothingInTheClusterCanReadAMasterSecret() {
        // What External Secrets and the pods may read: the modules' own secrets, by ARN.
        for (String folder : List.of(SECRETS, KEYCLOAK)) {
            String read = Hcl.typedBlocks(folder, "data").get("aws_iam_policy_document").get("read").toString();
            assertThat(read).as(folder).contains("aws_secretsmanager_secret.this").doesNotContain("master");
        }
        String podIdentities = String.valueOf(Hcl.blocks("modules/platform", "module").get("eks").get("pod_identities"));
        assertThat(podIdentities).doesNotContain("master").doesNotContain("rotation");
        assertThat(Hcl.text("modules/eks")).doesNotContain("master_user_secret");
        // The masters' ARNs go to the rotation functions (and into the logins' masterarn, as they ask) only.
        Map<String, Object> secrets = Hcl.blocks("modules/platform", "module").get("secrets");
        assertThat(secrets.get("master_secret_arns")).isEqualTo(Map.of("services", "${module.rds.master_user_secret_arn}",
                "keycloak", "${module.keycloak.master_secret_arn}"));
        // No secret Terraform writes holds a master password: the provisioner is a login of its own.
        assertThat(Hcl.text(SECRETS)).contains("username = \"medicore_provisioner\"", "password = random_password.provisioner.result");
    }

    @Test
    void keycloakSignsInAsItsOwnLoginNotAsTheMaster() {
        String master = String.valueOf(Hcl.blocks(KEYCLOAK, "module").get("database").get("master_username"));
        String logins = Hcl.text(KEYCLOAK);
        assertThat(logins).contains("keycloak-db={rotation=${var.rotation_lambda_arns[\"multi-keycloak\"]}", "username = \"keycloak\"");
        assertThat(master).isEqualTo("keycloak_admin").isNotEqualTo("keycloak");
        // And that login is what the Keycloak Deployment's ExternalSecret takes.
        Map<String, String> externalSecret = new LinkedHashMap<>();
        KubernetesManifestsTest.list(KubernetesManifestsTest.map(Repository.yamlMap(Repository.KUBERNETES.resolve("base/keycloak/externalsecret.yaml")),
                "spec"), "data").forEach(entry -> externalSecret.put((String) entry.get("secretKey"),
                KubernetesManifestsTest.map(entry, "remoteRef").get("key") + "#" + KubernetesManifestsTest.map(entry, "remoteRef").get("property")));
        assertThat(externalSecret).containsEntry("KC_DB_USERNAME", "medicore-ENV/keycloak-db#username")
                .containsEntry("KC_DB_PASSWORD", "medicore-ENV/keycloak-db#password");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDatabaseHasAMigrationLoginApartFromItsRuntimeLogins() {
        Map<String, Map<String, String>> databases = (Map<String, Map<String, String>>) locals(SECRETS).get("service_databases");
        Map<String, Set<String>> migration = new TreeMap<>();
        Map<String, Set<String>> runtime = new TreeMap<>();
        databases.forEach((key, login) -> (login.get("scheme").equals("single") ? migration : runtime)
                .computeIfAbsent(login.get("database"), d -> new TreeSet<>()).add(login.get("username")));
        ((Map<String, String>) locals(SECRETS).get("audit_logins")).values()
                .forEach(username -> runtime.computeIfAbsent("audit", d -> new TreeSet<>()).add(username));
        assertThat(migration.keySet()).containsExactly("appointments", "audit", "billing", "notifications").isEqualTo(runtime.keySet());
        migration.forEach((database, owners) -> {
            assertThat(owners).as(database).hasSize(1);
            assertThat(runtime.get(database)).as(database).isNotEmpty().doesNotContainAnyElementsOf(owners);
        });
        // The names service-support's audit migrations grant to; erasure deletes keys as the eraser.
        assertThat(runtime.get("audit")).containsExactlyInAnyOrder("medicore_audit_writer", "medicore_audit_reader", "medicore_audit_eraser");
        assertThat((Map<String, String>) locals(SECRETS).get("audit_logins")).containsEntry("audit-eraser", "medicore_audit_eraser");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAuditTrailsKeysAreRandomKmsEncryptedSecretsWrittenOnceAndNeverRotated() {
        Map<String, Map<String, Map<String, Object>>> resources = Hcl.typedBlocks(SECRETS, "resource");
        assertThat(((Map<String, String>) locals(SECRETS).get("audit_keys")).keySet())
                .containsExactlyInAnyOrder("audit-key-encryption-key", "audit-pseudonym-key");
        // 32 random bytes each, base64: what AuditKeys decodes (AES-256 and HMAC-SHA256 keys).
        assertThat(resources.get("random_bytes").get("audit_key")).containsEntry("for_each", "${local.audit_keys}").containsEntry("length", 32);
        assertThat(resources.get("aws_secretsmanager_secret").get("audit_key")).containsEntry("for_each", "${local.audit_keys}")
                .containsEntry("name", "${var.name}/${each.key}").containsEntry("kms_key_id", "${aws_kms_key.this.arn}");
        Map<String, Object> version = resources.get("aws_secretsmanager_secret_version").get("audit_key");
        assertThat(version).containsEntry("secret_string", "${jsonencode({ key = random_bytes.audit_key[each.key].base64 })}");
        // Never written again by Terraform, and no rotation: a new key would leave every sealed value unreadable.
        assertThat(version.toString()).contains("ignore_changes=[${secret_string}]");
        resources.get("aws_secretsmanager_secret_rotation").forEach((name, rotation) -> assertThat(rotation)
                .as("rotation %s", name).containsEntry("secret_id", "${aws_secretsmanager_secret.this[each.key].id}")
                .containsEntry("for_each", "${local.logins}"));
        assertThat(String.valueOf(locals(SECRETS).get("secrets"))).doesNotContain("audit_key");
        // External Secrets reads them like the others.
        assertThat(Hcl.typedBlocks(SECRETS, "data").get("aws_iam_policy_document").get("read").toString())
                .contains("for secret in aws_secretsmanager_secret.audit_key : secret.arn");
    }

    @Test
    void everyDatabaseLoginRotatesWithAwssOwnRotationFunctionsInTheVpc() {
        Map<String, Map<String, Map<String, Object>>> resources = Hcl.typedBlocks(SECRETS, "resource");
        // Logins are the secrets with a rotation scheme: every service database login, the audit logins, the provisioner.
        assertThat(Hcl.text(SECRETS)).contains("logins=${{ for key, secret in local.secrets : key => secret if can(secret.scheme) }}",
                "for key, db in local.service_databases : key => {", "scheme      = db.scheme",
                "for key, username in local.audit_logins : key => {", "scheme      = \"multi-services\"",
                "(local.provisioner_secret) = {", "scheme      = \"single\"");
        assertThat(resources.get("aws_secretsmanager_secret_rotation").get("login")).containsEntry("for_each", "${local.logins}")
                .containsEntry("rotation_lambda_arn", "${aws_serverlessapplicationrepository_cloudformation_stack.rotation[each.value.scheme].outputs[\"RotationLambdaARN\"]}");
        // Terraform writes a login's first value only; the rotation owns it afterwards.
        assertThat(resources.get("aws_secretsmanager_secret_version").get("login").toString()).contains("ignore_changes=[${secret_string}]");
        Map<String, Map<String, Object>> keycloak = Hcl.typedBlocks(KEYCLOAK, "resource").get("aws_secretsmanager_secret_rotation");
        assertThat(keycloak.get("login")).containsEntry("for_each", "${local.logins}").containsEntry("rotation_lambda_arn", "${each.value.rotation}")
                .containsEntry("rotate_immediately", false);
        assertThat(resources.get("aws_secretsmanager_secret_rotation").get("login")).containsEntry("rotate_immediately", false);

        String rotation = Hcl.text(SECRETS);
        assertThat(rotation).contains("single_user=" + AWS_ROTATION + "SingleUser", "multi_user=" + AWS_ROTATION + "MultiUser",
                "vpcSubnetIds        = join(\",\", var.subnet_ids)", "vpcSecurityGroupIds = aws_security_group.rotation.id",
                "masterSecretArn = each.value.master_secret_arn");
        Map<String, Object> connection = (Map<String, Object>) locals(SECRETS).get("connection");
        assertThat(connection).containsKeys("engine", "host", "port", "masterarn");
        assertThat(Hcl.blocks("modules/platform", "module").get("keycloak")).containsEntry("rotation_lambda_arns", "${module.secrets.rotation_lambda_arns}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> locals(String folder) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Hcl.folder(folder).forEach(file -> {
            if (file.get("locals") instanceof List<?> blocks) {
                blocks.forEach(block -> merged.putAll((Map<String, Object>) block));
            }
        });
        return merged;
    }
}
