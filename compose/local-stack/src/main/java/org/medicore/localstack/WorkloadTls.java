package org.medicore.localstack;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether the stack's gRPC runs plaintext (the default) or with mutual TLS ({@code run --tls}):
 * then every workload gets a certificate of {@link LocalCertificates} kept in the data folder's
 * {@code tls/}, serves gRPC with it requiring a client certificate of the same authority, and
 * shows it on its own channels, with the same settings the cluster's ConfigMaps give.
 */
record WorkloadTls(LocalCertificates certificates) {

    static final WorkloadTls OFF = new WorkloadTls(null);

    /** The SSL bundle every workload's server and channels use. */
    static final String BUNDLE = "grpc";

    static WorkloadTls in(Path data) {
        return new WorkloadTls(LocalCertificates.in(data.resolve("tls")));
    }

    boolean on() {
        return certificates != null;
    }

    /** {@code properties} of {@code workload} with the Spring settings that turn TLS on, or as they are while it is off. */
    Map<String, String> addTo(String workload, Map<String, String> properties) {
        if (!on()) {
            return properties;
        }
        Map<String, String> withTls = new LinkedHashMap<>(properties);
        withTls.putAll(certificates.issue(workload).grpcTlsSettings(BUNDLE));
        return withTls;
    }

    /** The launcher's own channels (seeding the demo records), as the workload {@code local-stack}. */
    ChannelCredentials launcherChannels() {
        if (!on()) {
            return InsecureChannelCredentials.create();
        }
        LocalCertificates.Workload files = certificates.issue("local-stack");
        try {
            return TlsChannelCredentials.newBuilder()
                    .keyManager(files.certificateChain().toFile(), files.privateKey().toFile())
                    .trustManager(files.authority().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's certificate", e);
        }
    }
}
