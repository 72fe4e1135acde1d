package org.medicore.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority for the stack run with TLS on, and a certificate per
 * workload signed by it, kept under one folder as cert-manager keeps them in a Secret:
 * {@code <workload>/tls.crt} (its chain), {@code tls.key} (PKCS#8) and {@code ca.crt}, so the
 * services read the same PEM files locally as in the cluster. The JDK's keytool signs (no
 * certificate builder in the JDK and no BouncyCastle on this class path); a workload's files are
 * made once and kept between runs.
 */
public final class LocalCertificates {

    private static final String STORE_PASSWORD = "medicore-local";
    private static final String VALIDITY_DAYS = "825";

    private final Path folder;

    private LocalCertificates(Path folder) {
        this.folder = folder;
    }

    /** The authority kept in {@code folder}, made there on first use. */
    public static LocalCertificates in(Path folder) {
        LocalCertificates certificates = new LocalCertificates(folder);
        certificates.ensureAuthority();
        return certificates;
    }

    /** Where one workload's PEM files are: the paths its SSL bundle names. */
    public record Workload(Path certificateChain, Path privateKey, Path authority) {

        /**
         * The Spring settings of SSL bundle {@code bundle} on these files that serve gRPC requiring a
         * client certificate of the same authority and show this one on the workload's own channels:
         * what the cluster's ConfigMaps set.
         */
        public Map<String, String> grpcTlsSettings(String bundle) {
            String pem = "spring.ssl.bundle.pem." + bundle;
            return Map.of(pem + ".keystore.certificate", "file:" + certificateChain,
                    pem + ".keystore.private-key", "file:" + privateKey,
                    pem + ".truststore.certificate", "file:" + authority,
                    "spring.grpc.server.ssl.bundle", bundle,
                    "spring.grpc.server.ssl.client-auth", "require",
                    "medicore.grpc.client.ssl-bundle", bundle);
        }
    }

    /** The authority's own certificate: what every client and server trusts. */
    public Path authority() {
        return folder.resolve("ca").resolve("ca.crt");
    }

    /**
     * The certificate of {@code workload} (its common name), valid for localhost and 127.0.0.1 as a
     * server and usable as a client certificate too, made on first use.
     */
    public synchronized Workload issue(String workload) {
        Path dir = folder.resolve(workload);
        Workload files = new Workload(dir.resolve("tls.crt"), dir.resolve("tls.key"), dir.resolve("ca.crt"));
        if (Files.exists(files.privateKey())) {
            return files;
        }
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve("keystore.p12");
            Path request = dir.resolve("request.csr");
            Path signed = dir.resolve("signed.pem");
            keytool("-genkeypair", "-alias", workload, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + workload + ",O=MediCore local", "-validity", VALIDITY_DAYS, "-keystore", store.toString());
            keytool("-certreq", "-alias", workload, "-keystore", store.toString(), "-file", request.toString());
            keytool("-gencert", "-alias", "ca", "-keystore", authorityStore().toString(), "-infile", request.toString(),
                    "-outfile", signed.toString(), "-rfc", "-validity", VALIDITY_DAYS,
                    "-ext", "san=dns:localhost,dns:" + workload + ",ip:127.0.0.1",
                    "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth,clientAuth");
            keytool("-importcert", "-alias", "ca", "-file", authority().toString(), "-keystore", store.toString(), "-noprompt");
            keytool("-importcert", "-alias", workload, "-file", signed.toString(), "-keystore", store.toString(), "-noprompt");
            KeyStore keyStore = load(store);
            writePem(files.certificateChain(), keyStore.getCertificateChain(workload));
            Files.copy(authority(), files.authority());
            Files.writeString(files.privateKey(), pem("PRIVATE KEY",
                    keyStore.getKey(workload, STORE_PASSWORD.toCharArray()).getEncoded()), StandardCharsets.US_ASCII);
            Files.delete(request);
            Files.delete(signed);
            Files.delete(store);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot issue a certificate for " + workload + " in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate made for " + workload, e);
        }
    }

    private void ensureAuthority() {
        if (Files.exists(authority())) {
            return;
        }
        try {
            Files.createDirectories(authority().getParent());
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=MediCore local CA", "-validity", VALIDITY_DAYS, "-ext", "bc:c",
                    "-keystore", authorityStore().toString());
            keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", authorityStore().toString(),
                    "-file", authority().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local certificate authority in " + folder, e);
        }
    }

    private Path authorityStore() {
        return folder.resolve("ca").resolve("ca.p12");
    }

    private static KeyStore load(Path store) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        return keyStore;
    }

    private static void writePem(Path file, Certificate[] chain) throws IOException, GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        for (Certificate certificate : chain) {
            text.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // each call is a short JVM: C1 alone starts it faster
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
