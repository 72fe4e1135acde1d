package org.medicore.lab.adapter.out.patient;

import io.grpc.ChannelCredentials;

/**
 * Where the Lambda's certificate for patient-service comes from. The pods mount theirs from
 * cert-manager (service-support's ChannelTls with an SSL bundle); the Lambda runs outside the
 * cluster, so it reads the same CA's certificate from a secret store at cold start.
 */
interface ClientCertificate {

    /** Mutual TLS with the certificate, its key and the CA; a secret missing or not PEM fails, never plaintext. */
    ChannelCredentials mutualTls();
}
