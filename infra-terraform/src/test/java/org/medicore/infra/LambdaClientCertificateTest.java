package org.medicore.infra;

import org.junit.jupiter.api.Test;
import org.medicore.infra.KubernetesManifestsTest.Resource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.infra.KubernetesManifestsTest.list;
import static org.medicore.infra.KubernetesManifestsTest.map;

/**
 * The lab Lambda's client certificate for patient-service's mutual TLS: cert-manager issues it from the
 * cluster's gRPC CA, PushSecret copies it into the one secret Terraform made for it, only the Lambda's role
 * reads that secret and only External Secrets writes it, and the Lambda is told its ARN. Whether External
 * Secrets, IAM and KMS accept all this shows only in AWS.
 */
class LambdaClientCertificateTest {

    private static final String MODULE = "modules/lambda_lab_processor";
    private static final String PLATFORM = "modules/platform";
    private static final String SECRET_ARN = "${aws_secretsmanager_secret.client_certificate.arn}";
    private static final String KEY_ARN = "${aws_kms_key.client_certificate.arn}";

    private final List<Resource> resources = KubernetesManifestsTest.loadBase();

    @Test
    void certManagerIssuesTheLambdaAClientCertificateOfTheGrpcCa() {
        Map<String, Object> spec = map(only("Certificate", "lab-processor-lambda-grpc").body(), "spec");

        assertThat(map(spec, "issuerRef")).containsEntry("name", "medicore-grpc").containsEntry("kind", "Issuer");
        assertThat(spec).containsEntry("secretName", "lab-processor-lambda-grpc-tls");
        assertThat(spec.get("usages")).isEqualTo(List.of("client auth", "digital signature"));
    }

    @Test
    void pushSecretCopiesTheCertificateKeyAndCaAsTextIntoTheSecretTerraformMakes() {
        Map<String, Object> spec = map(only("PushSecret", "lab-processor-lambda-grpc-tls").body(), "spec");

        assertThat(map(spec, "selector", "secret")).containsEntry("name", "lab-processor-lambda-grpc-tls");
        assertThat(list(spec, "secretStoreRefs")).containsExactly(Map.of("kind", "ClusterSecretStore", "name", "aws-secrets-manager"));
        assertThat(spec).containsEntry("deletionPolicy", "None");
        Map<String, String> pushed = new TreeMap<>();
        for (Map<String, Object> data : list(spec, "data")) {
            Map<String, Object> remote = map(data, "match", "remoteRef");
            assertThat(remote).containsEntry("remoteKey", "medicore-ENV/lab-processor-lambda-grpc-tls");
            assertThat(map(data, "metadata", "spec")).containsEntry("secretPushFormat", "string");
            pushed.put((String) map(data, "match").get("secretKey"), (String) remote.get("property"));
        }
        // the properties lab-processor's SecretsManagerClientCertificate reads
        assertThat(pushed).isEqualTo(Map.of("tls.crt", "certificate", "tls.key", "private_key", "ca.crt", "ca"));
        assertThat(Repository.read(Repository.KUBERNETES.resolve("components/environment/kustomization.yaml")))
                .contains("select: {kind: PushSecret}", "fieldPaths: [\"spec.data.*.match.remoteRef.remoteKey\"]");
        // Terraform's name for it is the same once the overlay has put in the environment's name
        assertThat(Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor"))
                .containsEntry("client_certificate_secret_name", "${local.name}/lab-processor-lambda-grpc-tls");
    }

    @Test
    void theSecretIsTerraformsOwnWithItsOwnKeyTaggedForExternalSecrets() {
        Map<String, Object> secret = resource("aws_secretsmanager_secret", "client_certificate");

        assertThat(secret).containsEntry("name", "${var.client_certificate_secret_name}").containsEntry("kms_key_id", KEY_ARN)
                .containsEntry("tags", Map.of("managed-by", "external-secrets"));
        assertThat(resource("aws_kms_key", "client_certificate")).containsEntry("enable_key_rotation", true);
    }

    @Test
    void theLambdasRoleReadsThatSecretOnlyAndDecryptsWithItsKeyOnly() {
        List<Map<String, Object>> access = statements("access");

        assertThat(access).filteredOn(statement -> String.valueOf(statement.get("actions")).contains("secretsmanager:"))
                .singleElement().satisfies(statement -> {
                    assertThat(statement.get("actions")).isEqualTo(List.of("secretsmanager:GetSecretValue"));
                    assertThat(statement.get("resources")).isEqualTo(List.of(SECRET_ARN));
                });
        assertThat(access).filteredOn(statement -> String.valueOf(statement.get("resources")).contains(KEY_ARN))
                .singleElement().satisfies(statement -> assertThat(statement.get("actions")).isEqualTo(List.of("kms:Decrypt")));
        assertThat(resource("aws_lambda_function", "this").get("environment").toString())
                .contains("MEDICORE_LAB_PATIENTSERVICE_CLIENTCERTIFICATESECRET = aws_secretsmanager_secret.client_certificate.arn");
        assertThat(SpringConfig.of("domain-services/lab-processor")
                .unread(Set.of("MEDICORE_LAB_PATIENTSERVICE_CLIENTCERTIFICATESECRET", "MEDICORE_LAB_PATIENTSERVICE_AUTHORITY"), Set.of()))
                .as("names lab-processor reads").isEmpty();
        assertThat(Hcl.blocks(PLATFORM, "module").get("lambda_lab_processor").get("environment").toString())
                .contains("MEDICORE_LAB_PATIENTSERVICE_AUTHORITY=patient-service");
    }

    @Test
    void externalSecretsMayWriteThatSecretOnlyWithItsKey() {
        List<Map<String, Object>> push = statements("client_certificate_push");

        assertThat(push).allSatisfy(statement -> assertThat(statement.get("resources")).isIn(List.of(SECRET_ARN), List.of(KEY_ARN)));
        assertThat(push.stream().flatMap(statement -> ((List<?>) statement.get("actions")).stream()).map(String::valueOf))
                .containsExactlyInAnyOrder(
                "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue",
                "kms:GenerateDataKey", "kms:Decrypt");
        assertThat(Hcl.blocks(PLATFORM, "module").get("eks").get("pod_identities").toString())
                .contains("external-secrets={namespace=external-secrets, policy_jsons=[${module.secrets.read_policy_json}, "
                        + "${module.keycloak.read_policy_json}, ${module.lambda_lab_processor.client_certificate_push_policy_json}]");
        assertThat(Hcl.text(PLATFORM)).containsOnlyOnce("client_certificate_push_policy_json");
    }

    private Resource only(String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.kind()) && name.equals(r.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in kubernetes/base"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(String document) {
        return (List<Map<String, Object>>) Hcl.typedBlocks(MODULE, "data").get("aws_iam_policy_document").get(document).get("statement");
    }

    private static Map<String, Object> resource(String type, String name) {
        Map<String, Object> body = Hcl.typedBlocks(MODULE, "resource").getOrDefault(type, Map.of()).get(name);
        assertThat(body).as("%s %s.%s", MODULE, type, name).isNotNull();
        return body;
    }
}
