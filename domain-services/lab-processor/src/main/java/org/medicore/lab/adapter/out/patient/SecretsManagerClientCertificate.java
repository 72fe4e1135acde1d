package org.medicore.lab.adapter.out.patient;

import io.grpc.ChannelCredentials;
import org.medicore.support.tls.ChannelTls;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The Lambda's client certificate from AWS Secrets Manager: External Secrets' PushSecret
 * (infra-terraform/kubernetes/base/lab-processor/lambda-certificate.yaml) copies cert-manager's
 * Secret into it as JSON, {@code certificate}, {@code private_key} and {@code ca} in PEM, each time
 * cert-manager renews it. Whatever is wrong with the secret stops the Lambda's start with a sentence
 * naming the secret, so the upload is retried and then lands in the failed queue, never sent in plaintext.
 */
final class SecretsManagerClientCertificate implements ClientCertificate {

    static final List<String> PROPERTIES = List.of("certificate", "private_key", "ca");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretsManagerClient secretsManager;
    private final String secretId;

    SecretsManagerClientCertificate(SecretsManagerClient secretsManager, String secretId) {
        this.secretsManager = secretsManager;
        this.secretId = secretId;
    }

    @Override
    public ChannelCredentials mutualTls() {
        JsonNode secret = read();
        for (String property : PROPERTIES) {
            JsonNode pem = secret.get(property);
            if (pem == null || !pem.isString() || !pem.asString().contains("-----BEGIN ")) {
                throw refused("has no PEM text in property " + property + " (it needs " + String.join(", ", PROPERTIES) + ")", null);
            }
        }
        try {
            return ChannelTls.credentials(secret.get("certificate").asString(), secret.get("private_key").asString(),
                    secret.get("ca").asString());
        } catch (RuntimeException e) {
            throw refused("holds PEM text that is no certificate and key: " + e.getMessage(), e);
        }
    }

    private JsonNode read() {
        String text;
        try {
            text = secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw refused("could not be read: " + e.getMessage(), e);
        }
        if (text == null) {
            throw refused("holds no text (PushSecret's secretPushFormat must be string)", null);
        }
        try {
            JsonNode secret = JSON.readTree(text);
            if (!secret.isObject()) {
                throw refused("is no JSON object", null);
            }
            return secret;
        } catch (JacksonException e) {
            throw refused("is no JSON object", e);
        }
    }

    private IllegalStateException refused(String why, Exception cause) {
        return new IllegalStateException("lab-processor's client certificate for patient-service: secret " + secretId + " " + why, cause);
    }
}
