package org.medicore.support.tls;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;

/**
 * The credentials every outgoing gRPC channel of a MediCore workload is built with. With
 * {@code medicore.grpc.client.ssl-bundle} named, mutual TLS: the workload shows its own
 * certificate from that bundle and trusts only the bundle's authority (cert-manager's CA in the
 * cluster, the local stack's throwaway one with {@code --tls}); without, plaintext, as the local
 * stack runs by default. The servers' side is Spring gRPC's own {@code spring.grpc.server.ssl.*}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@EnableConfigurationProperties(ChannelTls.Properties.class)
public class ChannelTls {

    /** @param sslBundle the Spring SSL bundle (key, certificate chain, trusted authority) channels use; none for plaintext */
    @ConfigurationProperties("medicore.grpc.client")
    public record Properties(String sslBundle) {
    }

    @Bean
    ChannelCredentials serviceChannelCredentials(Properties properties, ObjectProvider<SslBundles> bundles) {
        if (properties.sslBundle() == null || properties.sslBundle().isBlank()) {
            return InsecureChannelCredentials.create();
        }
        return credentials(bundles.getObject().getBundle(properties.sslBundle()));
    }

    /** Mutual TLS with {@code bundle}'s key managers (the client certificate) and trust managers (the authority). */
    public static ChannelCredentials credentials(SslBundle bundle) {
        return TlsChannelCredentials.newBuilder()
                .keyManager(bundle.getManagers().getKeyManagers())
                .trustManager(bundle.getManagers().getTrustManagers())
                .build();
    }

    /**
     * Mutual TLS from PEM text rather than files: for a workload outside the cluster that reads its
     * certificate from a secret store (lab-processor's Lambda). Text that is no PEM certificate or
     * key fails here, before any call.
     */
    public static ChannelCredentials credentials(String certificateChain, String privateKey, String certificateAuthority) {
        return credentials(SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate(certificateChain).withPrivateKey(privateKey),
                PemSslStoreDetails.forCertificate(certificateAuthority))));
    }
}
