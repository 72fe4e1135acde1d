package org.medicore.lab.adapter.out.patient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.localstack.LocalCertificates;
import org.medicore.support.aws.AwsStandIn;
import org.medicore.support.aws.AwsStandIn.Response;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda's certificate read through the real SDK from a stand-in of Secrets Manager's endpoint (no
 * emulator runs here): the request it sends and every way the secret can be wrong, each a failure naming
 * the secret. Only AWS shows the role may read it and PushSecret writes it as read here.
 */
class SecretsManagerClientCertificateTest {

    static final String SECRET = "arn:aws:secretsmanager:eu-central-1:111122223333:secret:medicore-dev/lab-processor-lambda-grpc-tls-AbCdEf";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path folder;

    private final AwsStandIn secretsManager = new AwsStandIn();
    private final SecretsManagerClient client = SecretsManagerClient.builder().region(Region.EU_CENTRAL_1)
            .endpointOverride(secretsManager.endpoint()).credentialsProvider(AwsStandIn.CREDENTIALS).build();
    private final ClientCertificate certificate = new SecretsManagerClientCertificate(client, SECRET);

    @AfterEach
    void stop() {
        client.close();
        secretsManager.close();
    }

    /** GetSecretValue's answer for a secret as PushSecret writes it: the PEM of {@code workload} under its three properties. */
    static Response secretHolding(LocalCertificates.Workload workload) {
        String pem = JSON.createObjectNode()
                .put("certificate", text(workload.certificateChain()))
                .put("private_key", text(workload.privateKey()))
                .put("ca", text(workload.authority())).toString();
        return Response.json(200, JSON.createObjectNode().put("ARN", SECRET).put("Name", "medicore-dev/lab-processor-lambda-grpc-tls")
                .put("SecretString", pem).toString());
    }

    private static String text(Path pem) {
        try {
            return Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reads_the_secret_it_is_given_by_arn_signed_with_the_functions_credentials() {
        secretsManager.answer(request -> secretHolding(LocalCertificates.in(folder.resolve("clinic")).issue("lab-processor-lambda")));

        assertThat(certificate.mutualTls()).isNotNull();

        AwsStandIn.Request request = secretsManager.requests().getFirst();
        assertThat(request.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(JSON.readTree(request.body()).at("/SecretId").asString()).isEqualTo(SECRET);
        assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTANDIN/")
                .contains("/eu-central-1/secretsmanager/aws4_request");
    }

    @Test
    void a_secret_that_is_not_there_fails_naming_it() {
        secretsManager.answer(request -> Response.jsonError(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"));

        assertRefused("could not be read: Secrets Manager can't find the specified secret value");
    }

    @Test
    void a_secret_the_role_may_not_read_fails_naming_it() {
        secretsManager.answer(request -> Response.jsonError(400, "AccessDeniedException", "not authorized to perform: secretsmanager:GetSecretValue"));

        assertRefused("could not be read: not authorized");
    }

    @Test
    void a_secret_without_one_of_the_three_pem_properties_fails_naming_the_property() {
        secretsManager.answer(request -> Response.json(200, "{\"SecretString\":\"{\\\"certificate\\\":\\\"-----BEGIN CERTIFICATE-----\\\","
                + "\\\"ca\\\":\\\"-----BEGIN CERTIFICATE-----\\\"}\"}"));

        assertRefused("has no PEM text in property private_key");
    }

    @Test
    void a_secret_that_is_no_json_object_fails() {
        secretsManager.answer(request -> Response.json(200, "{\"SecretString\":\"-----BEGIN CERTIFICATE-----\"}"));

        assertRefused("is no JSON object");
    }

    @Test
    void a_secret_pushed_as_binary_fails_saying_so() {
        secretsManager.answer(request -> Response.json(200, "{\"SecretBinary\":\"AAEC\"}"));

        assertRefused("holds no text (PushSecret's secretPushFormat must be string)");
    }

    @Test
    void pem_text_that_is_no_certificate_fails() {
        secretsManager.answer(request -> Response.json(200, "{\"SecretString\":\"{\\\"certificate\\\":\\\"-----BEGIN CERTIFICATE-----\\\\nbm90IGEgY2VydA==\\\\n-----END CERTIFICATE-----\\\","
                + "\\\"private_key\\\":\\\"-----BEGIN PRIVATE KEY-----\\\\nbm90IGEga2V5\\\\n-----END PRIVATE KEY-----\\\","
                + "\\\"ca\\\":\\\"-----BEGIN CERTIFICATE-----\\\\nbm90IGEgY2VydA==\\\\n-----END CERTIFICATE-----\\\"}\"}"));

        assertRefused("holds PEM text that is no certificate and key");
    }

    private void assertRefused(String why) {
        assertThatThrownBy(certificate::mutualTls).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("lab-processor's client certificate for patient-service: secret " + SECRET + " ")
                .hasMessageContaining(why);
    }
}
