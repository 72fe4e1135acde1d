package org.medicore.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTlsTest {

    @TempDir
    Path data;

    @Test
    void gives_a_workload_a_certificate_its_authority_signed_for_the_loopback_and_the_settings_that_use_it() throws Exception {
        Map<String, String> settings = WorkloadTls.in(data).addTo("billing-service", Map.of("server.port", "9193"));

        Path folder = data.resolve("tls").resolve("billing-service");
        List<X509Certificate> chain = certificates(folder.resolve("tls.crt"));
        X509Certificate authority = certificates(folder.resolve("ca.crt")).getFirst();
        chain.getFirst().verify(authority.getPublicKey());
        assertThat(chain.getFirst().getSubjectX500Principal().getName()).contains("CN=billing-service");
        List<String> names = chain.getFirst().getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(chain.getFirst().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(Files.readString(folder.resolve("tls.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(settings).containsEntry("server.port", "9193")
                .containsEntry("spring.grpc.server.ssl.bundle", "grpc")
                .containsEntry("spring.grpc.server.ssl.client-auth", "require")
                .containsEntry("medicore.grpc.client.ssl-bundle", "grpc")
                .containsEntry("spring.ssl.bundle.pem.grpc.keystore.private-key", "file:" + folder.resolve("tls.key"));
    }

    @Test
    void leaves_the_settings_as_they_are_while_off() {
        assertThat(WorkloadTls.OFF.addTo("billing-service", Map.of("server.port", "9193")))
                .isEqualTo(Map.of("server.port", "9193"));
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (List<X509Certificate>) CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }
}
